// Copy (Article)-[:MENTIONS]->(Country) relationships from another store
// (graph/copy.py): the relationship ends up with exactly the given properties, so copying
// again changes nothing. Both end nodes are copied first.
// Parameters: $rows: list of {start: id, end: id, properties: map}
// Returns: nothing.
UNWIND $rows AS row
MATCH (a:Article {id: row.start})
MATCH (b:Country {id: row.end})
MERGE (a)-[r:MENTIONS]->(b)
SET r = row.properties
