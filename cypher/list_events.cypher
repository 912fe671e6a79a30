// Events matching every given filter: one page of them, in date order, and their total.
// Parameters: $countries: ISO3 codes ([] for no filter), $match: 'any' or 'all' of them,
//             $organization: organization id or folded name (alias key) or null,
//             $person: person id or folded name (alias key) or null,
//             $type: event type or null, $place: place id or lower-cased place name or null,
//             $date_from, $date_to: ISO dates or null,
//             $q: lower-cased text to find in the event's name or evidence sentences, or null,
//             $descending: newest first when true (undated events always come last),
//             $skip, $limit: integers,
//             $with_dates: also return the dates of every matching event (for timelines).
// Returns: one row per event of the page (or one row with a null id when the page is
//          empty): total, dates (every match's date, or [] unless $with_dates), id, name,
//          type, date, end_date, place, countries.
MATCH (e:Event)
WHERE ($type IS NULL OR e.type = $type)
  AND ($date_from IS NULL OR (e.date IS NOT NULL AND e.date >= date($date_from)))
  AND ($date_to IS NULL OR (e.date IS NOT NULL AND e.date <= date($date_to)))
OPTIONAL MATCH (e)-[:INVOLVES]->(c:Country)
WHERE size($countries) > 0 AND c.id IN $countries
WITH e, count(DISTINCT c) AS country_hits
WHERE size($countries) = 0 OR country_hits = size($countries)
   OR ($match = 'any' AND country_hits > 0)
OPTIONAL MATCH (o:Organization)-[:ORGANIZED|PARTICIPATED_IN]->(e)
WHERE $organization IS NOT NULL AND (o.id = $organization OR $organization IN o.alias_keys)
WITH e, count(o) AS organization_hits
WHERE $organization IS NULL OR organization_hits > 0
OPTIONAL MATCH (p:Person)-[:PARTICIPATED_IN]->(e)
WHERE $person IS NOT NULL AND (p.id = $person OR $person IN p.alias_keys)
WITH e, count(p) AS person_hits
WHERE $person IS NULL OR person_hits > 0
OPTIONAL MATCH (e)-[:HELD_IN]->(pl:Place)
WHERE $place IS NOT NULL AND (pl.id = $place OR toLower(pl.name) = $place)
WITH e, count(pl) AS place_hits
WHERE $place IS NULL OR place_hits > 0
OPTIONAL MATCH (:Article)-[rep:REPORTS]->(e)
WHERE $q IS NOT NULL AND any(s IN rep.evidence WHERE toLower(s) CONTAINS $q)
WITH e, count(rep) AS text_hits
WHERE $q IS NULL OR text_hits > 0 OR toLower(e.name) CONTAINS $q
WITH e
ORDER BY e.date IS NULL, CASE WHEN $descending THEN e.date END DESC,
         CASE WHEN $descending THEN null ELSE e.date END ASC, e.id
WITH collect(e) AS matched
WITH size(matched) AS total, matched[$skip..($skip + $limit)] AS page,
     CASE WHEN $with_dates THEN [x IN matched | x.date] ELSE [] END AS dates
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE range(0, size(page) - 1) END) AS i
WITH total, dates, i, page[i] AS e
OPTIONAL MATCH (e)-[:HELD_IN]->(held:Place)
WITH total, dates, i, e, head(collect(held.name)) AS place
OPTIONAL MATCH (e)-[:INVOLVES]->(involved:Country)
WITH total, dates, i, e, place, collect(involved.id) AS countries
ORDER BY i
RETURN total, dates, e.id AS id, e.name AS name, e.type AS type, e.date AS date,
       e.end_date AS end_date, place, countries
