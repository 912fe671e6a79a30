// Delete, among some nodes, those left without any relationship (articles excepted: they
// go only when retracted). A country that only belongs to a region stays while the region
// does.
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
WHERE NOT n:Article AND NOT (n)--()
DELETE n
