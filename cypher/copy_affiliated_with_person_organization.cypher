// Copy (Person)-[:AFFILIATED_WITH]->(Organization) relationships from another store
// (graph/copy.py): the relationship ends up with exactly the given properties, so copying
// again changes nothing. Both end nodes are copied first.
// Parameters: $rows: list of {start: id, end: id, properties: map}
// Returns: nothing.
UNWIND $rows AS row
MATCH (a:Person {id: row.start})
MATCH (b:Organization {id: row.end})
MERGE (a)-[r:AFFILIATED_WITH]->(b)
SET r = row.properties
