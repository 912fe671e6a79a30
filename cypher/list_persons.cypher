// Persons, those in the most events first, optionally only those whose name or an alias
// contains some text, or those who represent a country.
// Parameters: $q: lower-cased text or null, $country: ISO3 code or null, $skip, $limit.
// Returns: one row: total, items (list of {id, name, titles, country, events}).
MATCH (p:Person)
WHERE $q IS NULL OR toLower(p.name) CONTAINS $q OR any(k IN p.alias_keys WHERE k CONTAINS $q)
OPTIONAL MATCH (p)-[:REPRESENTS]->(c:Country)
WITH p, head(collect(c.id)) AS country
WHERE $country IS NULL OR country = $country
OPTIONAL MATCH (p)-[:PARTICIPATED_IN]->(e:Event)
WITH p, country, count(DISTINCT e) AS events
ORDER BY events DESC, p.name, p.id
WITH collect({id: p.id, name: p.name, titles: p.titles, country: country, events: events}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS items
