// Organizations already in the graph known under any of the given normalized names.
// Parameters: $keys: list of normalized names or acronyms.
// Returns: key, id.
UNWIND $keys AS key
MATCH (o:Organization)
WHERE key IN o.alias_keys
RETURN key, o.id AS id
