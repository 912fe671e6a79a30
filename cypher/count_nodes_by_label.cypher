// Number of nodes per label (the graph model's; Neo4j's write lock node is left out).
// Parameters: none.
// Returns: label, count.
MATCH (n)
WHERE NOT n:DkgWriteLock
RETURN labels(n)[0] AS label, count(n) AS count
ORDER BY label
