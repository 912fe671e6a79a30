// Delete article nodes and their own relationships (what they mention and report).
// Parameters: $ids: article ids.
// Returns: nothing.
UNWIND $ids AS id
MATCH (a:Article {id: id})
DETACH DELETE a
