// Merge Region nodes by id; aliases accumulate.
// Parameters: $rows: list of {id, name, aliases: [string]}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Region {id: row.id})
ON CREATE SET n.name = row.name
SET n.aliases = coalesce(n.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(n.aliases, [])]
