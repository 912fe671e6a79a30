// One organization: names, country, parent and parts, people affiliated with it, its
// number of events, and (up to $limit) the articles that mention it with the names used
// there and the rule that resolved them to this node.
// Parameters: $id: organization id, $limit: integer.
// Returns: id, name, aliases, countries, parents, parts, people, events, mentions.
MATCH (o:Organization {id: $id})
RETURN o.id AS id, o.name AS name, o.aliases AS aliases,
       [(o)-[:BASED_IN]->(c:Country) | {id: c.id, name: c.name}] AS countries,
       [(o)-[:PART_OF]->(parent:Organization) | {id: parent.id, name: parent.name}] AS parents,
       [(part:Organization)-[:PART_OF]->(o) | {id: part.id, name: part.name}][..$limit] AS parts,
       [(person:Person)-[aff:AFFILIATED_WITH]->(o) | {id: person.id, name: person.name, title: aff.title}][..$limit] AS people,
       size([(o)-[:ORGANIZED|PARTICIPATED_IN]->(e:Event) | e.id]) AS events,
       [(a:Article)-[m:MENTIONS]->(o) | {article: a.id, title: a.title, url: a.url, path: a.path, surfaces: m.surfaces, resolution: m.resolution}][..$limit] AS mentions
