// Events matching optional filters, newest first (undated last), a page at a time.
// Parameters: $country: ISO3 or null, $type: event type or null,
//             $date_from, $date_to: ISO dates or null, $skip, $limit: integers.
// Returns: id, name, type, date, end_date, place, countries (ISO3 list).
MATCH (e:Event)
WHERE ($country IS NULL OR (e)-[:INVOLVES]->(:Country {id: $country}))
  AND ($type IS NULL OR e.type = $type)
  AND ($date_from IS NULL OR (e.date IS NOT NULL AND e.date >= date($date_from)))
  AND ($date_to IS NULL OR (e.date IS NOT NULL AND e.date <= date($date_to)))
WITH e
ORDER BY e.date IS NULL, e.date DESC, e.id
SKIP $skip LIMIT $limit
RETURN e.id AS id, e.name AS name, e.type AS type, e.date AS date, e.end_date AS end_date,
       head([(e)-[:HELD_IN]->(p:Place) | p.name]) AS place,
       [(e)-[:INVOLVES]->(c:Country) | c.id] AS countries
