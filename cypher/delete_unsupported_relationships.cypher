// Delete the relationships around some nodes that no article supports any more (an
// articles list that is empty; relationships no article needs, such as IN_REGION, carry no
// such list and stay).
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
MATCH (n)-[rel]-()
WHERE rel.articles IS NOT NULL AND size(rel.articles) = 0
WITH DISTINCT rel
DELETE rel
