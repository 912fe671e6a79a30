// The nodes some articles' support touches: the given nodes, both ends of every
// relationship around them that one of the articles supports, and the member countries of
// the regions among those.
// Parameters: $articles: article ids, $ids: node ids (see list_article_neighbourhoods).
// Returns: id.
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
OPTIONAL MATCH (n)-[rel]-(m)
WHERE any(x IN coalesce(rel.articles, []) WHERE x IN $articles)
WITH collect(DISTINCT n) + collect(DISTINCT m) AS ends
UNWIND ends AS end
OPTIONAL MATCH (end)<-[:IN_REGION]-(member:Country)
WITH collect(DISTINCT end.id) + collect(DISTINCT member.id) AS ids
UNWIND ids AS found
RETURN DISTINCT found AS id
