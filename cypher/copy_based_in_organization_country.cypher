// Copy (Organization)-[:BASED_IN]->(Country) relationships from another store
// (graph/copy.py): the relationship ends up with exactly the given properties, so copying
// again changes nothing. Both end nodes are copied first.
// Parameters: $rows: list of {start: id, end: id, properties: map}
// Returns: nothing.
UNWIND $rows AS row
MATCH (a:Organization {id: row.start})
MATCH (b:Country {id: row.end})
MERGE (a)-[r:BASED_IN]->(b)
SET r = row.properties
