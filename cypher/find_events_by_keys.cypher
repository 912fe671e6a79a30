// Events already in the graph that share a blocking key (a distinctive word of their
// normalized name) with the events being resolved.
// Parameters: $keys: list of blocking keys.
// Returns: id, name, type, date, articles (ids of the articles reporting it), place_country.
UNWIND $keys AS key
MATCH (e:Event)
WHERE key IN e.block_keys
WITH DISTINCT e
RETURN e.id AS id, e.name AS name, e.type AS type, e.date AS date,
       [(a:Article)-[:REPORTS]->(e) | a.id] AS articles,
       head([(e)-[:HELD_IN]->(:Place)-[:LOCATED_IN]->(c:Country) | c.id]) AS place_country
ORDER BY id
