// The countries involved together with one country in its events: how many events they
// share and the latest date among them, most shared first.
// Parameters: $id: ISO3 code, $skip, $limit: integers.
// Returns: one row: total, items (list of {id, name, events, latest}).
OPTIONAL MATCH (:Country {id: $id})<-[:INVOLVES]-(e:Event)-[:INVOLVES]->(partner:Country)
WHERE partner.id <> $id
WITH partner, count(DISTINCT e) AS events, max(e.date) AS latest
ORDER BY events DESC, partner.id
WITH collect(CASE WHEN partner IS NULL THEN null
                  ELSE {id: partner.id, name: partner.name, events: events, latest: latest} END) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS items
