// Merge Organization nodes by id; aliases and lookup keys accumulate, the first name is kept.
// Parameters: $rows: list of {id, name, aliases: [string], alias_keys: [string]}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Organization {id: row.id})
ON CREATE SET n.name = row.name
SET n.aliases = coalesce(n.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(n.aliases, [])]
SET n.alias_keys = coalesce(n.alias_keys, []) + [k IN row.alias_keys WHERE NOT k IN coalesce(n.alias_keys, [])]
