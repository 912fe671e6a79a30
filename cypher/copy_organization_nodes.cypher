// Copy Organization nodes by id from another store (graph/copy.py): the node ends up with
// exactly the given properties, so copying again changes nothing.
// Parameters: $rows: list of {id, properties: map (id included)}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Organization {id: row.id})
SET n = row.properties
