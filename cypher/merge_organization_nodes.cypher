// Write Organization nodes by id with the properties resolution computed from every
// mention of the node (graph/resolver.py): each value is set whole, never accumulated.
// Parameters: $rows: list of {id, name, aliases: [string], alias_keys: [string],
//             block_keys: [string]}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Organization {id: row.id})
SET n.name = row.name, n.aliases = row.aliases, n.alias_keys = row.alias_keys,
    n.block_keys = row.block_keys
