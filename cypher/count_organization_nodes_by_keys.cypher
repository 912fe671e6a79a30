// How many organization nodes hold each of some blocking keys (graph/resolver.py counts the units
// behind a key only where the nodes are few enough for the key to matter).
// Parameters: $keys: blocking keys.
// Returns: key, nodes (keys no node holds are left out).
MATCH (n:Organization)
WHERE any(k IN n.block_keys WHERE k IN $keys)
UNWIND [k IN n.block_keys WHERE k IN $keys] AS key
RETURN key, count(n) AS nodes
