// Ids of the events held at a place (a city or a venue).
// Parameters: $place: place id, or a lower-cased place name.
// Returns: id.
MATCH (p:Place)
WHERE p.id = $place OR toLower(p.name) = $place
MATCH (e:Event)-[:HELD_IN]->(p)
RETURN DISTINCT e.id AS id
