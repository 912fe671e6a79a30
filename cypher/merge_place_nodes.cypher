// Merge Place nodes by id.
// Parameters: $rows: list of {id, name}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Place {id: row.id})
ON CREATE SET n.name = row.name
