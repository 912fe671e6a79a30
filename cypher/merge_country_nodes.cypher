// Merge Country nodes by ISO3 id; aliases accumulate, the canonical name is kept (a name
// that is only the code, written when nothing better was known, gives way to a real one).
// Parameters: $rows: list of {id, name, aliases: [string]}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Country {id: row.id})
SET n.name = CASE WHEN n.name IS NULL OR n.name = n.id THEN row.name ELSE n.name END
SET n.aliases = coalesce(n.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(n.aliases, [])]
