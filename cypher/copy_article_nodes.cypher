// Copy Article nodes by id from another store (graph/copy.py): the node ends up with
// exactly the given properties, so copying again changes nothing. `published` arrives as
// an ISO date (or null) and is stored as a date.
// Parameters: $rows: list of {id, properties: map (id included; published: ISO date or null)}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Article {id: row.id})
SET n = row.properties
SET n.published = date(row.properties.published)
