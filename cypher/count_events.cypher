// Number of events matching the same filters as list_events.
// Parameters: $country: ISO3 or null, $type: event type or null,
//             $date_from, $date_to: ISO dates or null.
// Returns: total.
MATCH (e:Event)
WHERE ($country IS NULL OR (e)-[:INVOLVES]->(:Country {id: $country}))
  AND ($type IS NULL OR e.type = $type)
  AND ($date_from IS NULL OR (e.date IS NOT NULL AND e.date >= date($date_from)))
  AND ($date_to IS NULL OR (e.date IS NOT NULL AND e.date <= date($date_to)))
RETURN count(e) AS total
