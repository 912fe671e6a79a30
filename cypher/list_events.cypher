// One page of events, in date order, with the total and (for timelines) every date. The
// candidates are the events with the given ids (other filters already applied by the
// caller), else the events involving any of the given countries (an index lookup, so a
// country's events cost what that country has, not the whole graph), else all events.
// Parameters: $ids: event ids or null, $countries: ISO3 codes ([] for any country),
//             $type: event type or null, $date_from, $date_to: ISO dates or null,
//             $descending: newest first when true (undated events always come last),
//             $skip, $limit: integers,
//             $with_dates: also return the dates of every matching event.
// Returns: one row per event of the page (or one row with a null id when the page is
//          empty): total, dates (every match's date, or [] unless $with_dates), id, name,
//          type, plover, date, end_date, place, countries.
UNWIND coalesce($ids, []) AS listed_id
OPTIONAL MATCH (listed:Event {id: listed_id})
WITH collect(listed) AS listed
OPTIONAL MATCH (anchor:Country)<-[:INVOLVES]-(involving:Event)
WHERE $ids IS NULL AND anchor.id IN $countries
WITH listed, collect(DISTINCT involving) AS anchored
OPTIONAL MATCH (any_event:Event)
WHERE $ids IS NULL AND size($countries) = 0
WITH listed, anchored, collect(any_event) AS everything
UNWIND listed + anchored + everything AS e
WITH e
WHERE ($type IS NULL OR e.type = $type)
  AND ($date_from IS NULL OR (e.date IS NOT NULL AND e.date >= date($date_from)))
  AND ($date_to IS NULL OR (e.date IS NOT NULL AND e.date <= date($date_to)))
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
RETURN total, dates, e.id AS id, e.name AS name, e.type AS type, e.plover AS plover,
       e.date AS date, e.end_date AS end_date, place, countries
