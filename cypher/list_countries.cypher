// Countries with the number of events involving each, most involved first.
// Parameters: $skip, $limit: integers.
// Returns: id, name, aliases, events.
MATCH (c:Country)
OPTIONAL MATCH (e:Event)-[:INVOLVES]->(c)
WITH c, count(e) AS events
ORDER BY events DESC, c.id
SKIP $skip LIMIT $limit
RETURN c.id AS id, c.name AS name, c.aliases AS aliases, events
