// Ids of the events whose name, or a sentence an article reported them in, contains a text.
// Parameters: $q: lower-cased text.
// Returns: id.
MATCH (e:Event)
WHERE toLower(e.name) CONTAINS $q
RETURN e.id AS id
UNION
MATCH (:Article)-[r:REPORTS]->(e:Event)
WHERE any(s IN r.evidence WHERE toLower(s) CONTAINS $q)
RETURN e.id AS id
