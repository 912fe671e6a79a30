// Remove every node and relationship (used by the test suite on a dedicated database).
// Parameters: none.
// Returns: nothing.
MATCH (n)
DETACH DELETE n
