// Rebuild, for the countries among some nodes, the other names articles used for them
// (sorted, unique) from the mentions that remain: after articles were retracted or written
// again. (Relationships told apart by type(): see delete_unsupported_regions.)
// Parameters: $ids: node ids.
// Returns: nothing.
UNWIND $ids AS id
MATCH (c:Country {id: id})
OPTIONAL MATCH (c)<-[m]-(:Article)
WHERE type(m) = 'MENTIONS'
WITH c, collect(coalesce(m.surfaces, [])) AS lists
WITH c, reduce(acc = [], names IN lists | acc + names) AS surfaces
UNWIND (CASE WHEN size(surfaces) = 0 THEN [null] ELSE surfaces END) AS surface
WITH c, surface
ORDER BY surface
WITH c, collect(DISTINCT surface) AS surfaces
SET c.aliases = [s IN surfaces WHERE s <> c.name]
