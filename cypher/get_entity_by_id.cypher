// One organization or person with its names, and for each article that mentions it the
// surface forms used there and the rule that resolved them to this node.
// Parameters: $id: node id.
// Returns: id, labels, name, aliases, titles, country, mentions.
MATCH (n {id: $id})
WHERE n:Organization OR n:Person
RETURN n.id AS id, labels(n) AS labels, n.name AS name, n.aliases AS aliases,
       n.titles AS titles,
       head([(n)-[:BASED_IN|REPRESENTS]->(c:Country) | c.id]) AS country,
       [(a:Article)-[m:MENTIONS]->(n) | {article: a.id, title: a.title, url: a.url,
                                         path: a.path, surfaces: m.surfaces,
                                         resolution: m.resolution}] AS mentions
