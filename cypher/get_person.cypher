// One person: names, titles, the organizations they are affiliated with (and the title
// held there), the countries they represent, their number of events, and (up to $limit)
// the articles that mention them with the names used and the rule that resolved them.
// Parameters: $id: person id, $limit: integer.
// Returns: id, name, aliases, titles, affiliations, countries, events, mentions.
MATCH (p:Person {id: $id})
RETURN p.id AS id, p.name AS name, p.aliases AS aliases, p.titles AS titles,
       [(p)-[aff:AFFILIATED_WITH]->(o:Organization) | {id: o.id, name: o.name, title: aff.title}] AS affiliations,
       [(p)-[:REPRESENTS]->(c:Country) | {id: c.id, name: c.name}] AS countries,
       size([(p)-[:PARTICIPATED_IN]->(e:Event) | e.id]) AS events,
       [(a:Article)-[m:MENTIONS]->(p) | {article: a.id, title: a.title, url: a.url, path: a.path, surfaces: m.surfaces, resolution: m.resolution}][..$limit] AS mentions
