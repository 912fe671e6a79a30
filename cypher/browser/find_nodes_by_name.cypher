// Nodes whose name (for an article, its title) or one of whose aliases contains some text,
// in any case: how to find the ids the other queries of the guide take. It reads every
// node, which is fine for exploring.
// Parameters: $text: part of a name.
// Example: :param text => 'media'
// Returns: kind (label), id, name; at most 50 rows, by kind and name.
MATCH (n)
WHERE toLower(coalesce(n.name, n.title, '')) CONTAINS toLower($text)
   OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS toLower($text))
RETURN labels(n)[0] AS kind, n.id AS id, coalesce(n.name, n.title) AS name
ORDER BY kind, name
LIMIT 50
