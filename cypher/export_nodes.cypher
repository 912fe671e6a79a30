// Every node with its labels and properties, a page at a time in id order.
// Parameters: $skip, $limit: integers.
// Returns: id, labels, properties.
MATCH (n)
WITH n ORDER BY n.id
SKIP $skip LIMIT $limit
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
