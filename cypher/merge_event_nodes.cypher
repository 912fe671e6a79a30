// Write Event nodes by id with the properties resolution computed from every report of
// the event (graph/resolver.py): each value is set whole, never accumulated.
// Parameters: $rows: list of {id, name, type, plover: PLOVER category or null, date: ISO
//             date or null, end_date: ISO date or null, block_keys: [string]}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Event {id: row.id})
SET n.name = row.name, n.type = row.type, n.plover = row.plover,
    n.block_keys = row.block_keys,
    n.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END,
    n.end_date = CASE WHEN row.end_date IS NULL THEN null ELSE date(row.end_date) END
