// Which of some article ids the graph holds.
// Parameters: $ids: article ids.
// Returns: id.
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id
