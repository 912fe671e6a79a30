// Countries in the graph with the number of events involving each, most involved first.
// Parameters: $skip, $limit: integers.
// Returns: one row: total, items (list of {id, name, aliases, events}).
MATCH (c:Country)
OPTIONAL MATCH (e:Event)-[:INVOLVES]->(c)
WITH c, count(e) AS events
ORDER BY events DESC, c.id
WITH collect({id: c.id, name: c.name, aliases: c.aliases, events: events}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS items
