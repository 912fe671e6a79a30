// Every relationship with its end nodes' ids, a page at a time in a stable order.
// Parameters: $skip, $limit: integers.
// Returns: type, start, end, properties.
MATCH (a)-[r]->(b)
WITH a, r, b ORDER BY a.id, type(r), b.id
SKIP $skip LIMIT $limit
RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS properties
