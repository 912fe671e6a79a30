// Delete, among some nodes, those nothing supports any more: a region no article mentions
// and no event involves, any other node left without relationships (region membership
// alone does not keep a country). Run until it deletes nothing: a country may be left
// alone only once its region has gone.
// Parameters: $ids: node ids.
// Returns: nothing.
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
WITH n
WHERE NOT n:Article
  AND ((n:Region AND NOT (n)<-[:MENTIONS|INVOLVES]-())
       OR (NOT n:Region AND NOT (n)--()))
DETACH DELETE n
