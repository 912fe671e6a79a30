// A country's partners: the countries involved in the same events, with how many events
// they share and the first and latest date among them, most shared first.
// Parameters: $country: ISO3 code of the country.
// Example: :param country => 'KAZ'
// Returns: id, partner (name), events, first, latest; one row per partner country.
MATCH (:Country {id: $country})<-[:INVOLVES]-(e:Event)-[:INVOLVES]->(partner:Country)
WHERE partner.id <> $country
RETURN partner.id AS id, partner.name AS partner, count(DISTINCT e) AS events,
       min(e.date) AS first, max(e.date) AS latest
ORDER BY events DESC, id
