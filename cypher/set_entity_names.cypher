// Replace the names of organizations and persons (after a retraction).
// Parameters: $rows: list of {id, name, aliases, titles, alias_keys, block_keys}.
// Returns: nothing.
UNWIND $rows AS row
OPTIONAL MATCH (o:Organization {id: row.id})
OPTIONAL MATCH (p:Person {id: row.id})
WITH row, coalesce(o, p) AS n
WHERE n IS NOT NULL
SET n.name = row.name, n.aliases = row.aliases, n.alias_keys = row.alias_keys,
    n.block_keys = row.block_keys
SET n.titles = CASE WHEN n:Person THEN row.titles ELSE n.titles END
