// Delete an article node and its own relationships (what it mentions and reports).
// Parameters: $id: article id.
// Returns: nothing.
MATCH (a:Article {id: $id})
DETACH DELETE a
