// Every relationship with its end nodes' ids and labels, a page at a time in a stable order.
// Parameters: $skip, $limit: integers.
// Returns: type, start, end, start_label, end_label, properties.
MATCH (a)-[r]->(b)
WITH a, r, b ORDER BY a.id, type(r), b.id
SKIP $skip LIMIT $limit
RETURN type(r) AS type, a.id AS start, b.id AS end, labels(a)[0] AS start_label,
       labels(b)[0] AS end_label, properties(r) AS properties
