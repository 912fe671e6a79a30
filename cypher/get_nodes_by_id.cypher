// Nodes by id, whatever their label (each lookup uses that label's index).
// Parameters: $ids: node ids.
// Returns: id, kind, name, date, event_type, event_plover.
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
RETURN n.id AS id, labels(n)[0] AS kind, coalesce(n.name, n.title, n.path, n.id) AS name,
       n.date AS date, n.type AS event_type, n.plover AS event_plover
