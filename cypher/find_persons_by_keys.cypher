// Persons already in the graph known under any of the given normalized names.
// Parameters: $keys: list of normalized names.
// Returns: key, id.
UNWIND $keys AS key
MATCH (p:Person)
WHERE key IN p.alias_keys
RETURN key, p.id AS id
