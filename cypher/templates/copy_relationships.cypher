// Copy the relationships of one pattern, (:{{start}})-[:{{type}}]->(:{{end}}), rendered from
// the vocabulary (graph/vocabulary.py), from another store (graph/copy.py): each ends up
// with exactly the given properties, so copying again changes nothing. Both end nodes are
// copied first.
// Parameters: $rows: list of {start: id, end: id, properties: map}
// Returns: nothing.
UNWIND $rows AS row
MATCH (a:{{start}} {id: row.start})
MATCH (b:{{end}} {id: row.end})
MERGE (a)-[r:{{type}}]->(b)
SET r = row.properties
