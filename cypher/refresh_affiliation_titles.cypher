// Rebuild, for the persons among some nodes, the title each affiliation shows from the
// titles the remaining supporting articles gave (the longest; ties: the alphabetically
// first; none when no article gave one). (Relationships told apart by type(): see
// delete_unsupported_regions.)
// Parameters: $ids: node ids.
// Returns: nothing.
UNWIND $ids AS id
MATCH (p:Person {id: id})-[aff]->(:Organization)
WHERE type(aff) = 'AFFILIATED_WITH'
OPTIONAL MATCH (p)<-[m]-(a:Article)
WHERE type(m) = 'MENTIONS' AND a.id IN aff.articles AND m.organization_title IS NOT NULL
WITH aff, collect(m.organization_title) AS titles
SET aff.title = CASE WHEN size(titles) = 0 THEN null ELSE
    reduce(best = head(titles), title IN titles |
           CASE WHEN size(title) > size(best) OR (size(title) = size(best) AND title < best)
                THEN title ELSE best END) END
