// Delete, among some nodes, the regions that no article mentions and no event involves,
// with their memberships (run before delete_unsupported_nodes, which then finds the
// countries left with nothing).
// Parameters: $ids: node ids.
// Returns: nothing.
UNWIND $ids AS id
MATCH (r:Region {id: id})
WHERE NOT (r)<-[:MENTIONS|INVOLVES]-()
DETACH DELETE r
