// Merge (Organization)-[:PART_OF]->(Organization) relationships, idempotently; the articles
// that support each one, their sentences and the sentences' spans ("<article>:<start>-<end>")
// accumulate. Rows are grouped by (start, end) before writing: one row per relationship.
// Parameters: $rows: list of {start: id, end: id, props: map of scalars, articles: [id],
//             evidence: [sentence], spans: [string]}
// Returns: nothing.
UNWIND $rows AS row
MATCH (a:Organization {id: row.start})
MATCH (b:Organization {id: row.end})
MERGE (a)-[r:PART_OF]->(b)
SET r += row.props
SET r.articles = coalesce(r.articles, []) + [x IN row.articles WHERE NOT x IN coalesce(r.articles, [])]
SET r.evidence = coalesce(r.evidence, []) + [x IN row.evidence WHERE NOT x IN coalesce(r.evidence, [])]
SET r.evidence_spans = coalesce(r.evidence_spans, []) + [x IN row.spans WHERE NOT x IN coalesce(r.evidence_spans, [])]
