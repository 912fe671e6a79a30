// Organizations, those in the most events first, optionally only those whose name or an
// alias contains some text, or those based in a country.
// Parameters: $q: lower-cased text or null, $country: ISO3 code or null, $skip, $limit.
// Returns: one row: total, items (list of {id, name, country, events}).
MATCH (o:Organization)
WHERE $q IS NULL OR toLower(o.name) CONTAINS $q OR any(k IN o.alias_keys WHERE k CONTAINS $q)
OPTIONAL MATCH (o)-[:BASED_IN]->(c:Country)
WITH o, head(collect(c.id)) AS country
WHERE $country IS NULL OR country = $country
OPTIONAL MATCH (o)-[:ORGANIZED|PARTICIPATED_IN]->(e:Event)
WITH o, country, count(DISTINCT e) AS events
ORDER BY events DESC, o.name, o.id
WITH collect({id: o.id, name: o.name, country: country, events: events}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS items
