// Stored events that may be what reports being resolved are (graph/resolver.py): those
// with one of the given ids or sharing a blocking key, one row per report of each, as the
// article reported it.
// Parameters: $ids: event ids, $keys: blocking keys, $known: ids of events already fetched
//             (left out).
// Returns: node, article, index, name, type, plover, date, end_date, place, place_country.
MATCH (e:Event)
WHERE NOT e.id IN $known
  AND (e.id IN $ids OR any(k IN e.block_keys WHERE k IN $keys))
MATCH (a:Article)-[r:REPORTS]->(e)
WHERE r.report IS NOT NULL
RETURN e.id AS node, a.id AS article, r.report AS index, r.reported_name AS name,
       r.reported_type AS type, r.reported_plover AS plover, r.reported_date AS date,
       r.reported_end_date AS end_date, r.reported_place AS place,
       r.place_country AS place_country
ORDER BY node, article, index
