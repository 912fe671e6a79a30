// Merge the relationships of one pattern, (:{{start}})-[:{{type}}]->(:{{end}}), rendered from
// the vocabulary (graph/vocabulary.py). The articles that support each one and the sentences
// read there (evidence[i] was read at evidence_spans[i], "<article>:<start>-<end>") are kept
// sorted and unique, so the result is the same whatever the order of ingest; a relationship
// no article needs (region membership) gets neither. A title articles give (affiliations)
// is the longest one (ties: the alphabetically first). One row per relationship.
// Parameters: $rows: list of {start: id, end: id, articles: [id] (sorted),
//             evidence: [[span, sentence]] (sorted by span), title: string or null,
//             props: map of scalars and lists (relationships one article alone supports:
//             MENTIONS, REPORTS)}
// Returns: nothing.
UNWIND $rows AS row
MATCH (a:{{start}} {id: row.start})
MATCH (b:{{end}} {id: row.end})
MERGE (a)-[r:{{type}}]->(b)
SET r += row.props
WITH r, row,
     reduce(acc = coalesce(r.articles, []), x IN row.articles |
            [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x]) AS articles,
     reduce(acc = [i IN range(0, size(coalesce(r.evidence_spans, [])) - 1) |
                   [r.evidence_spans[i], r.evidence[i]]], p IN row.evidence |
            [q IN acc WHERE q[0] < p[0]] + [p] + [q IN acc WHERE q[0] > p[0]]) AS evidence
SET r.articles = CASE WHEN size(row.articles) = 0 THEN r.articles ELSE articles END,
    r.evidence_spans = CASE WHEN size(row.articles) = 0 THEN r.evidence_spans
                            ELSE [p IN evidence | p[0]] END,
    r.evidence = CASE WHEN size(row.articles) = 0 THEN r.evidence ELSE [p IN evidence | p[1]] END,
    r.title = CASE WHEN row.title IS NULL THEN r.title
                   WHEN r.title IS NULL OR size(row.title) > size(r.title)
                        OR (size(row.title) = size(r.title) AND row.title < r.title)
                   THEN row.title ELSE r.title END
