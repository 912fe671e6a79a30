// Articles, newest first (undated last), with how many events each reports.
// Parameters: $skip, $limit: integers.
// Returns: one row: total, items (list of {id, title, url, path, source, published, events}).
MATCH (a:Article)
OPTIONAL MATCH (a)-[:REPORTS]->(e:Event)
WITH a, count(e) AS events
ORDER BY a.published IS NULL, a.published DESC, a.id
WITH collect({id: a.id, title: a.title, url: a.url, path: a.path, source: a.source,
              published: a.published, events: events}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS items
