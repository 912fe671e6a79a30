// Stored organization nodes that may be what mentions being resolved are (graph/resolver.py):
// those with one of the given ids, sharing a blocking key, or carrying one of the given
// folded names. One row per unit of each (the mentions written alike), with every article
// that names it so, and the names and titles each article used.
// Parameters: $ids: node ids, $keys: blocking keys, $names: folded names,
//             $known: ids of nodes already fetched (left out).
// Returns: node, unit, resolution, articles, surfaces (one list per article),
//          titles (one list per article).
MATCH (n:Organization)
WHERE NOT n.id IN $known
  AND (n.id IN $ids OR any(k IN n.block_keys WHERE k IN $keys)
       OR any(k IN n.alias_keys WHERE k IN $names))
MATCH (a:Article)-[m:MENTIONS]->(n)
WHERE m.unit IS NOT NULL
WITH n.id AS node, m.unit AS unit, a.id AS article, m
ORDER BY node, unit, article
RETURN node, unit, head(collect(m.resolution)) AS resolution, collect(article) AS articles,
       collect(m.surfaces) AS surfaces, collect(coalesce(m.titles, [])) AS titles
ORDER BY node, unit
