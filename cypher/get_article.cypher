// One article and what was read from it: the events it reports and the countries,
// regions, organizations and persons it mentions, with the names used there.
// Parameters: $id: article id.
// Returns: id, title, url, path, source, published, events, mentions.
MATCH (a:Article {id: $id})
RETURN a.id AS id, a.title AS title, a.url AS url, a.path AS path, a.source AS source,
       a.published AS published,
       [(a)-[rep:REPORTS]->(e:Event) | {id: e.id, name: e.name, type: e.type, plover: e.plover, date: e.date, evidence: rep.evidence}] AS events,
       [(a)-[m:MENTIONS]->(n) | {id: n.id, kind: labels(n)[0], name: n.name, surfaces: m.surfaces}] AS mentions
