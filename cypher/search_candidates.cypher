// Candidates for a fuzzy search: countries, organizations, persons and events that share a
// blocking key with the query (see graph/entity_resolution.py and event_resolution.py) or
// whose name or an alias contains it; the API ranks them.
// Parameters: $entity_keys: entity blocking keys of the query, $event_keys: event blocking
//             keys of the query, $text: folded query text, $limit: integer.
// Returns: id, kind, name, aliases, keys_shared.
MATCH (n)
WHERE n:Country OR n:Organization OR n:Person OR n:Event
WITH n, CASE WHEN n:Event THEN $event_keys ELSE $entity_keys END AS keys
WITH n, size([k IN keys WHERE k IN coalesce(n.block_keys, [])]) AS keys_shared
WHERE keys_shared > 0 OR toLower(n.name) CONTAINS $text
   OR any(a IN coalesce(n.alias_keys, n.aliases, []) WHERE toLower(a) CONTAINS $text)
WITH n, keys_shared
ORDER BY keys_shared DESC, n.id
LIMIT $limit
RETURN n.id AS id, labels(n)[0] AS kind, n.name AS name, coalesce(n.aliases, []) AS aliases,
       keys_shared
