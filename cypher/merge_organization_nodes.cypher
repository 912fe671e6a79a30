// Merge Organization nodes by id; aliases and lookup keys accumulate, the canonical name
// is the longest one seen (ties: the alphabetically first), whatever the order of ingest.
// Parameters: $rows: list of {id, name, aliases: [string], alias_keys: [string], block_keys: [string]}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Organization {id: row.id})
SET n.name = CASE WHEN n.name IS NULL OR size(row.name) > size(n.name)
    OR (size(row.name) = size(n.name) AND row.name < n.name) THEN row.name ELSE n.name END
SET n.aliases = coalesce(n.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(n.aliases, [])]
SET n.block_keys = coalesce(n.block_keys, []) + [k IN row.block_keys WHERE NOT k IN coalesce(n.block_keys, [])]
SET n.alias_keys = coalesce(n.alias_keys, []) + [k IN row.alias_keys WHERE NOT k IN coalesce(n.alias_keys, [])]
