// Ids of the events a person took part in.
// Parameters: $person: person id, or a folded name (alias key).
// Returns: id.
MATCH (p:Person)
WHERE p.id = $person OR $person IN p.alias_keys
MATCH (p)-[:PARTICIPATED_IN]->(e:Event)
RETURN DISTINCT e.id AS id
