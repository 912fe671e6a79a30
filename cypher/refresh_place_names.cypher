// Rebuild, for the places among some nodes, the name from the spellings the remaining
// reports used (the longest; ties: the alphabetically first). (Relationships told apart by
// type(): see delete_unsupported_regions.)
// Parameters: $ids: node ids.
// Returns: nothing.
UNWIND $ids AS id
MATCH (p:Place {id: id})<-[held]-(:Event)<-[r]-(:Article)
WHERE type(held) = 'HELD_IN' AND type(r) = 'REPORTS' AND r.place_id = p.id
WITH p, collect(DISTINCT r.reported_place) AS names
SET p.name = reduce(best = head(names), name IN names |
                    CASE WHEN size(name) > size(best) OR (size(name) = size(best) AND name < best)
                         THEN name ELSE best END)
