// Write Article nodes by id, exactly as read: an article's properties come from its source
// alone, so writing it again changes nothing.
// Parameters: $rows: list of {id, title, url, source, path, published: ISO date or null,
//             extraction: JSON of what was extracted (kept so the graph can be rebuilt)}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Article {id: row.id})
SET n.title = row.title, n.url = row.url, n.source = row.source, n.path = row.path,
    n.extraction = row.extraction,
    n.published = CASE WHEN row.published IS NULL THEN null ELSE date(row.published) END
