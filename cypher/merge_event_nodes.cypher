// Merge Event nodes by id. A date once known is kept; a later report may add a missing one.
// Parameters: $rows: list of {id, name, type, date: ISO date or null, end_date: ISO date or null,
//             block_keys: [string]}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Event {id: row.id})
ON CREATE SET n.name = row.name, n.type = row.type
SET n.block_keys = coalesce(n.block_keys, []) + [k IN row.block_keys WHERE NOT k IN coalesce(n.block_keys, [])]
SET n.date = CASE WHEN n.date IS NULL AND row.date IS NOT NULL THEN date(row.date) ELSE n.date END
SET n.end_date = CASE WHEN n.end_date IS NULL AND row.end_date IS NOT NULL THEN date(row.end_date) ELSE n.end_date END
