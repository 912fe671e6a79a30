// The articles that report one event, oldest first, each with the sentences the event was
// read from.
// Parameters: $event: the event's id (the id column of the event lists).
// Example: :param event => 'event:7263a3b3f0163cec'
// Returns: published, title, url, article (id), sentences; one row per article.
MATCH (a:Article)-[r:REPORTS]->(:Event {id: $event})
RETURN a.published AS published, coalesce(a.title, a.path) AS title, a.url AS url,
       a.id AS article, r.evidence AS sentences
ORDER BY published IS NULL, published, article
