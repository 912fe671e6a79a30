// Copy Event nodes by id from another store (graph/copy.py): the node ends up with
// exactly the given properties, so copying again changes nothing. `date` and `end_date`
// arrive as ISO dates (or null) and are stored as dates.
// Parameters: $rows: list of {id, properties: map (id included; date, end_date: ISO date
//             or null)}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Event {id: row.id})
SET n = row.properties
SET n.date = date(row.properties.date), n.end_date = date(row.properties.end_date)
