// Ids of the events involving any, or all, of some countries.
// Parameters: $countries: ISO3 codes, $match: 'any' or 'all'.
// Returns: id.
MATCH (c:Country)<-[:INVOLVES]-(e:Event)
WHERE c.id IN $countries
WITH e, count(DISTINCT c) AS involved
WHERE $match = 'any' OR involved = size($countries)
RETURN e.id AS id
