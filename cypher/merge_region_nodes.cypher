// Merge Region nodes by id, named as the regions data names them.
// Parameters: $rows: list of {id, name}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Region {id: row.id})
SET n.name = row.name, n.aliases = coalesce(n.aliases, [])
