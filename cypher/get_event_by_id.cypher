// One event with its place, countries, organizers, participants and source articles.
// Parameters: $id: event id.
// Returns: id, name, type, date, end_date, places, place_countries, countries, organizers,
//          participants, participant_organizations, articles.
MATCH (e:Event {id: $id})
RETURN e.id AS id, e.name AS name, e.type AS type, e.date AS date, e.end_date AS end_date,
       [(e)-[:HELD_IN]->(p:Place) | {id: p.id, name: p.name}] AS places,
       [(e)-[:HELD_IN]->(:Place)-[:LOCATED_IN]->(pc:Country) | pc.id] AS place_countries,
       [(e)-[inv:INVOLVES]->(c:Country) | {id: c.id, name: c.name, evidence: inv.evidence}] AS countries,
       [(o:Organization)-[org:ORGANIZED]->(e) | {id: o.id, name: o.name, evidence: org.evidence}] AS organizers,
       [(person:Person)-[part:PARTICIPATED_IN]->(e) | {id: person.id, name: person.name, titles: person.titles, evidence: part.evidence}] AS participants,
       [(po:Organization)-[opart:PARTICIPATED_IN]->(e) | {id: po.id, name: po.name, evidence: opart.evidence}] AS participant_organizations,
       [(a:Article)-[rep:REPORTS]->(e) | {id: a.id, title: a.title, url: a.url, path: a.path, published: a.published, evidence: rep.evidence}] AS articles
