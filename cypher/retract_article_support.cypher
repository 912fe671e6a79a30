// Take some articles' support away from the relationships around some nodes: drop them
// from each one's articles and drop the sentences (and spans) read in them. Those left with
// no article are deleted by delete_unsupported_relationships (a separate statement:
// FalkorDB drops a SET followed by WITH ... WHERE in the same statement).
// Parameters: $articles: article ids, $ids: the nodes to look around (see
//             list_article_neighbourhoods).
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
WHERE any(x IN coalesce(rel.articles, []) WHERE x IN $articles)
WITH DISTINCT rel
WITH rel, [i IN range(0, size(coalesce(rel.evidence_spans, [])) - 1)
           WHERE NOT any(x IN $articles WHERE rel.evidence_spans[i] STARTS WITH (x + ':'))] AS kept
SET rel.articles = [x IN rel.articles WHERE NOT x IN $articles],
    rel.evidence = [i IN kept | rel.evidence[i]],
    rel.evidence_spans = [i IN kept | rel.evidence_spans[i]]
