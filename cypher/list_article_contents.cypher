// Every article with the countries, organizations and persons it mentions (used by
// `dkg eval`; the events it reports come from list_article_events).
// Parameters: $skip, $limit: integers.
// Returns: id, path, countries, regions, organizations, persons.
MATCH (a:Article)
WITH a ORDER BY a.id
SKIP $skip LIMIT $limit
RETURN a.id AS id, a.path AS path,
       [(a)-[:MENTIONS]->(c:Country) | c.id] AS countries,
       [(a)-[:MENTIONS]->(rg:Region) | rg.name] AS regions,
       [(a)-[:MENTIONS]->(o:Organization) | {id: o.id, name: o.name, aliases: o.aliases}]
           AS organizations,
       [(a)-[:MENTIONS]->(p:Person) | {id: p.id, name: p.name, aliases: p.aliases}] AS persons
