// The timeline of a bilateral relationship: the events that involve both of two countries,
// oldest first (undated ones last), with where they were held, who organized them and who
// took part.
// Parameters: $country, $other: ISO3 codes of the two countries.
// Example: :param country => 'KAZ'
// Example: :param other => 'CHN'
// Returns: date, end_date, type, plover, event, id, places, organizers, participants; one
//          row per event.
MATCH (:Country {id: $country})<-[:INVOLVES]-(e:Event)-[:INVOLVES]->(:Country {id: $other})
RETURN e.date AS date, e.end_date AS end_date, e.type AS type, e.plover AS plover,
       e.name AS event, e.id AS id,
       [(e)-[:HELD_IN]->(p:Place) | p.name] AS places,
       [(o:Organization)-[:ORGANIZED]->(e) | o.name] AS organizers,
       [(x)-[:PARTICIPATED_IN]->(e) | x.name] AS participants
ORDER BY date IS NULL, date, event
