// Rebuild, for the places among some nodes, the name and aliases from the spellings the
// remaining reports used (the longest is the name, ties: the alphabetically first; the
// others, sorted, are the aliases). (Relationships told apart by type(): see
// delete_unsupported_regions.)
// Parameters: $ids: node ids.
// Returns: nothing.
UNWIND $ids AS id
MATCH (p:Place {id: id})<-[held]-(:Event)<-[r]-(:Article)
WHERE type(held) = 'HELD_IN' AND type(r) = 'REPORTS' AND r.place_id = p.id
WITH p, r.reported_place AS written
ORDER BY written
WITH p, collect(DISTINCT written) AS spellings
WITH p, spellings, reduce(best = head(spellings), s IN spellings |
                          CASE WHEN size(s) > size(best) THEN s ELSE best END) AS name
SET p.name = name, p.aliases = [s IN spellings WHERE s <> name]
