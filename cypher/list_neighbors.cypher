// The relationships around some nodes, and the node at the other end of each: one step of
// a breadth-first walk (the API repeats it for depth > 1). Nodes are looked up by id under
// each label, so every lookup uses an index. A relationship between two of the nodes
// comes back once from each end.
// Parameters: $ids: node ids, $limit: most relationships to return.
// Returns: type, source, target, id, kind, name, date, event_type, event_plover (of the node
//          reached).
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
MATCH (n)-[rel]-(m)
WITH rel, m, type(rel) AS rel_type, m.id AS neighbor
ORDER BY rel_type, neighbor
LIMIT $limit
RETURN rel_type AS type, startNode(rel).id AS source, endNode(rel).id AS target,
       neighbor AS id, labels(m)[0] AS kind, coalesce(m.name, m.title, m.path, m.id) AS name,
       m.date AS date, m.type AS event_type, m.plover AS event_plover
