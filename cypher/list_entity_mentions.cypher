// For some organizations and persons, the names (and titles) every remaining article
// used for them: what their aliases are rebuilt from after an article is retracted.
// Parameters: $ids: node ids.
// Returns: id, kind, name, surfaces (list of lists), titles (list of lists).
UNWIND $ids AS id
OPTIONAL MATCH (a:Article {id: id})
OPTIONAL MATCH (c:Country {id: id})
OPTIONAL MATCH (o:Organization {id: id})
OPTIONAL MATCH (p:Person {id: id})
OPTIONAL MATCH (e:Event {id: id})
OPTIONAL MATCH (pl:Place {id: id})
OPTIONAL MATCH (r:Region {id: id})
WITH coalesce(a, c, o, p, e, pl, r) AS n
WHERE n IS NOT NULL
  AND (n:Organization OR n:Person)
OPTIONAL MATCH (:Article)-[m:MENTIONS]->(n)
RETURN n.id AS id, labels(n)[0] AS kind, n.name AS name, collect(m.surfaces) AS surfaces,
       collect(m.titles) AS titles
