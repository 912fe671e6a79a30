// Merge (Country)-[:IN_REGION]->(Region) relationships, idempotently; each
// supporting article adds its id, its sentence and the sentence's span ("<article>:<start>-<end>").
// Parameters: $rows: list of {start: id, end: id, props: map of scalars, article: id or null,
//             evidence: sentence or null, span: "<article>:<start>-<end>" or null}
// Returns: nothing.
UNWIND $rows AS row
MATCH (a:Country {id: row.start})
MATCH (b:Region {id: row.end})
MERGE (a)-[r:IN_REGION]->(b)
SET r += row.props
SET r.articles = coalesce(r.articles, []) + [x IN [row.article] WHERE x IS NOT NULL AND NOT x IN coalesce(r.articles, [])]
SET r.evidence = coalesce(r.evidence, []) + [x IN [row.evidence] WHERE x IS NOT NULL AND NOT x IN coalesce(r.evidence, [])]
SET r.evidence_spans = coalesce(r.evidence_spans, []) + [x IN [row.span] WHERE x IS NOT NULL AND NOT x IN coalesce(r.evidence_spans, [])]
