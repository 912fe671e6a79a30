// Merge Country nodes by ISO3 id; aliases accumulate, the canonical name is kept.
// Parameters: $rows: list of {id, name, aliases: [string]}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Country {id: row.id})
ON CREATE SET n.name = row.name
SET n.aliases = coalesce(n.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(n.aliases, [])]
