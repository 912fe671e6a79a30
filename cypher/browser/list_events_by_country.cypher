// Events that involve one country, newest first (undated ones last), with where they were
// held, who organized them and who took part.
// Parameters: $country: ISO3 code of the country.
// Example: :param country => 'KAZ'
// Returns: date, type, plover, event, id, places, organizers, participants; one row per
//          event.
MATCH (:Country {id: $country})<-[:INVOLVES]-(e:Event)
RETURN e.date AS date, e.type AS type, e.plover AS plover, e.name AS event, e.id AS id,
       [(e)-[:HELD_IN]->(p:Place) | p.name] AS places,
       [(o:Organization)-[:ORGANIZED]->(e) | o.name] AS organizers,
       [(x)-[:PARTICIPATED_IN]->(e) | x.name] AS participants
ORDER BY date IS NULL, date DESC, event
