// Number of nodes per label.
// Parameters: none.
// Returns: label, count.
MATCH (n)
RETURN labels(n)[0] AS label, count(n) AS count
ORDER BY label
