// Number of relationships per type.
// Parameters: none.
// Returns: type, count.
MATCH ()-[r]->()
RETURN type(r) AS type, count(r) AS count
ORDER BY type
