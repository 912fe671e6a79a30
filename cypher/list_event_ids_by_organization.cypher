// Ids of the events an organization organized or took part in.
// Parameters: $organization: organization id, or a folded name (alias key).
// Returns: id.
MATCH (o:Organization)
WHERE o.id = $organization OR $organization IN o.alias_keys
MATCH (o)-[:ORGANIZED|PARTICIPATED_IN]->(e:Event)
RETURN DISTINCT e.id AS id
