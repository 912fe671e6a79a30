// Merge (Organization)-[:PARTICIPATED_IN]->(Event) relationships, idempotently; the articles
// that support each one, their sentences and the sentences' spans ("<article>:<start>-<end>")
// accumulate; a sentence and its span are kept side by side (evidence[i] was read at
// evidence_spans[i]). Rows are grouped by (start, end) before writing: one row per
// relationship.
// Parameters: $rows: list of {start: id, end: id, props: map of scalars, articles: [id],
//             evidence: [sentence], spans: [string] (one per sentence, same order)}
// Returns: nothing.
UNWIND $rows AS row
MATCH (a:Organization {id: row.start})
MATCH (b:Event {id: row.end})
MERGE (a)-[r:PARTICIPATED_IN]->(b)
SET r += row.props
WITH r, row, [i IN range(0, size(row.spans) - 1)
                WHERE NOT row.spans[i] IN coalesce(r.evidence_spans, [])] AS fresh
SET r.articles = coalesce(r.articles, []) + [x IN row.articles WHERE NOT x IN coalesce(r.articles, [])],
    r.evidence = coalesce(r.evidence, []) + [i IN fresh | row.evidence[i]],
    r.evidence_spans = coalesce(r.evidence_spans, []) + [i IN fresh | row.spans[i]]
