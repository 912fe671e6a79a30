// Number of Country nodes.
// Parameters: none.
// Returns: total.
MATCH (c:Country)
RETURN count(c) AS total
