// Merge (Event)-[:HELD_IN]->(Place) relationships, idempotently.
// Parameters: $rows: list of {start: id, end: id, props: map of scalars, article: id or null,
//             evidence: sentence or null}
// Returns: nothing.
UNWIND $rows AS row
MATCH (a:Event {id: row.start})
MATCH (b:Place {id: row.end})
MERGE (a)-[r:HELD_IN]->(b)
SET r += row.props
SET r.articles = coalesce(r.articles, []) + [x IN [row.article] WHERE x IS NOT NULL AND NOT x IN coalesce(r.articles, [])]
SET r.evidence = coalesce(r.evidence, []) + [x IN [row.evidence] WHERE x IS NOT NULL AND NOT x IN coalesce(r.evidence, [])]
