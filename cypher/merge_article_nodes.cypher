// Merge Article nodes by id; a value the row lacks never erases a stored one.
// Parameters: $rows: list of {id, title, url, source, path, published: ISO date or null,
//             extraction: JSON of what was extracted (kept so `dkg resolve` can rebuild)}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Article {id: row.id})
SET n.title = coalesce(row.title, n.title), n.url = coalesce(row.url, n.url),
    n.source = coalesce(row.source, n.source), n.path = coalesce(row.path, n.path),
    n.extraction = coalesce(row.extraction, n.extraction)
SET n.published = CASE WHEN row.published IS NULL THEN n.published ELSE date(row.published) END
