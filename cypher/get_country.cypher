// One country: its names, regions, how often it is involved and mentioned, and (up to
// $limit of each) the organizations based there and the people who represent it.
// Parameters: $id: ISO3 code, $limit: integer.
// Returns: id, name, aliases, regions, events, articles, organizations, persons.
MATCH (c:Country {id: $id})
RETURN c.id AS id, c.name AS name, c.aliases AS aliases,
       [(c)-[:IN_REGION]->(r:Region) | {id: r.id, name: r.name}] AS regions,
       size([(e:Event)-[:INVOLVES]->(c) | e.id]) AS events,
       size([(a:Article)-[:MENTIONS]->(c) | a.id]) AS articles,
       [(o:Organization)-[:BASED_IN]->(c) | {id: o.id, name: o.name}][..$limit] AS organizations,
       [(p:Person)-[:REPRESENTS]->(c) | {id: p.id, name: p.name}][..$limit] AS persons
