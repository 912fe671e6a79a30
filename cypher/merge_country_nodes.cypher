// Merge Country nodes by ISO3 id: the canonical name, and the other names articles used
// (aliases) kept sorted and unique, so the result does not depend on the order of ingest.
// Parameters: $rows: list of {id, name, aliases: [string], sorted}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Country {id: row.id})
SET n.name = row.name,
    n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases |
                       [x IN acc WHERE x < a] + [a] + [x IN acc WHERE x > a])
