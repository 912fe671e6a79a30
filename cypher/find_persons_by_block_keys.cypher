// Person nodes already in the graph that share a blocking key (name word, initials,
// transliteration skeleton; see graph/entity_resolution.py) with the mentions being resolved.
// Parameters: $keys: list of blocking keys.
// Returns: id, name, aliases, country, articles.
UNWIND $keys AS key
MATCH (n:Person)
WHERE key IN n.block_keys
WITH DISTINCT n
RETURN n.id AS id, n.name AS name, n.aliases AS aliases,
       head([(n)-[:REPRESENTS]->(c:Country) | c.id]) AS country,
       [(a:Article)-[:MENTIONS]->(n) | a.id] AS articles
ORDER BY id
