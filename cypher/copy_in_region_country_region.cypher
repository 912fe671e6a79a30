// Copy (Country)-[:IN_REGION]->(Region) relationships from another store
// (graph/copy.py): the relationship ends up with exactly the given properties, so copying
// again changes nothing. Both end nodes are copied first.
// Parameters: $rows: list of {start: id, end: id, properties: map}
// Returns: nothing.
UNWIND $rows AS row
MATCH (a:Country {id: row.start})
MATCH (b:Region {id: row.end})
MERGE (a)-[r:IN_REGION]->(b)
SET r = row.properties
