// Delete, among some nodes, the regions that no article mentions and no event involves,
// with their memberships (run before delete_unsupported_nodes, which then finds the
// countries left with nothing). Relationships are told apart by type(), not by a typed
// pattern: this runs in the transaction that wrote them, and FalkorDB's typed patterns do
// not see relationships created earlier in the same query.
// Parameters: $ids: node ids.
// Returns: nothing.
UNWIND $ids AS id
MATCH (r:Region {id: id})
OPTIONAL MATCH (r)<-[rel]-()
WITH r, collect(type(rel)) AS kinds
WHERE NOT 'MENTIONS' IN kinds AND NOT 'INVOLVES' IN kinds
DETACH DELETE r
