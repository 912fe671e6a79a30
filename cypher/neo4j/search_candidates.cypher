// Candidates for a fuzzy search, as the shared search_candidates.cypher finds them (the same
// filter, order and columns), but read from the full-text index `search_text` instead of
// every node: $fulltext_query (graph/fulltext.py) asks it for every node whose name or an
// alias holds each word of the text, or that holds one of the blocking keys; the WHERE
// below then keeps exactly the nodes the shared query keeps; the API ranks them.
// Parameters: $entity_keys: entity blocking keys of the query, $event_keys: event blocking
//             keys of the query, $text: folded query text, $fulltext_query: Lucene query
//             from graph.fulltext.fulltext_query(text, keys=entity and event keys),
//             $limit: integer.
// Returns: id, kind, name, aliases, keys_shared.
CALL db.index.fulltext.queryNodes('search_text', $fulltext_query) YIELD node AS n
WITH n, CASE WHEN n:Event THEN $event_keys ELSE $entity_keys END AS keys
WITH n, size([k IN keys WHERE k IN coalesce(n.block_keys, [])]) AS keys_shared
WHERE keys_shared > 0 OR toLower(n.name) CONTAINS $text
   OR any(a IN coalesce(n.alias_keys, n.aliases, []) WHERE toLower(a) CONTAINS $text)
WITH n, keys_shared
ORDER BY keys_shared DESC, n.id
LIMIT $limit
RETURN n.id AS id, labels(n)[0] AS kind, n.name AS name, coalesce(n.aliases, []) AS aliases,
       keys_shared
