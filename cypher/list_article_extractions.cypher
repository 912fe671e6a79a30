// The extraction each article was ingested with (JSON), a page at a time, for re-resolution.
// Parameters: $skip, $limit: integers.
// Returns: id, extraction.
MATCH (a:Article)
WHERE a.extraction IS NOT NULL
WITH a ORDER BY a.id
SKIP $skip LIMIT $limit
RETURN a.id AS id, a.extraction AS extraction
