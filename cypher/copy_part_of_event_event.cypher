// Copy (Event)-[:PART_OF]->(Event) relationships from another store
// (graph/copy.py): the relationship ends up with exactly the given properties, so copying
// again changes nothing. Both end nodes are copied first.
// Parameters: $rows: list of {start: id, end: id, properties: map}
// Returns: nothing.
UNWIND $rows AS row
MATCH (a:Event {id: row.start})
MATCH (b:Event {id: row.end})
MERGE (a)-[r:PART_OF]->(b)
SET r = row.properties
