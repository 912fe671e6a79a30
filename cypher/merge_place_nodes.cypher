// Merge Place nodes by id; of the spellings articles used, the longest is the name (ties:
// the alphabetically first), whatever the order of ingest.
// Parameters: $rows: list of {id, name}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Place {id: row.id})
SET n.name = CASE WHEN n.name IS NULL OR size(row.name) > size(n.name)
    OR (size(row.name) = size(n.name) AND row.name < n.name) THEN row.name ELSE n.name END
