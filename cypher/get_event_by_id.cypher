// One event with its place, countries, organizers, participants and source articles.
// Parameters: $id: event id.
// Returns: id, name, type, date, end_date, places, countries, organizers, participants, articles.
MATCH (e:Event {id: $id})
RETURN e.id AS id, e.name AS name, e.type AS type, e.date AS date, e.end_date AS end_date,
       [(e)-[:HELD_IN]->(p:Place) | {id: p.id, name: p.name}] AS places,
       [(e)-[:HELD_IN]->(:Place)-[:LOCATED_IN]->(pc:Country) | pc.id] AS place_countries,
       [(e)-[r:INVOLVES]->(c:Country) | {id: c.id, name: c.name, evidence: r.evidence}] AS countries,
       [(o:Organization)-[r:ORGANIZED]->(e) | {id: o.id, name: o.name, evidence: r.evidence}] AS organizers,
       [(p:Person)-[r:PARTICIPATED_IN]->(e) | {id: p.id, name: p.name, titles: p.titles, evidence: r.evidence}] AS participants,
       [(o:Organization)-[r:PARTICIPATED_IN]->(e) | {id: o.id, name: o.name, evidence: r.evidence}] AS participant_organizations,
       [(a:Article)-[r:REPORTS]->(e) | {id: a.id, title: a.title, url: a.url, path: a.path, published: a.published, evidence: r.evidence}] AS articles
