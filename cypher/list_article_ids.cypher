// Article ids, a page at a time in id order.
// Parameters: $skip, $limit: integers.
// Returns: id.
MATCH (a:Article)
WITH a ORDER BY a.id
SKIP $skip LIMIT $limit
RETURN a.id AS id
