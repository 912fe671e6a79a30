// Ids of the events held at a place (a city or a venue): by its id, any spelling of it
// articles used, or the id of the city a gazetteer knows under the name asked for.
// Parameters: $place: place id, or a lower-cased place name; $city: a place id or null.
// Returns: id.
MATCH (p:Place)
WHERE p.id = $place OR p.id = $city OR toLower(p.name) = $place
   OR any(a IN coalesce(p.aliases, []) WHERE toLower(a) = $place)
MATCH (e:Event)-[:HELD_IN]->(p)
RETURN DISTINCT e.id AS id
