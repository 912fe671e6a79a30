// Every node of the graph model with its labels and properties, a page at a time in id
// order (Neo4j's write lock node is left out).
// Parameters: $skip, $limit: integers.
// Returns: id, labels, properties.
MATCH (n)
WHERE NOT n:DkgWriteLock
WITH n ORDER BY n.id
SKIP $skip LIMIT $limit
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
