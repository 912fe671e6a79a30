// Every (article, event) report with the event's attributes (used by `dkg eval`).
// Parameters: $skip, $limit: integers.
// Returns: article_id, id, name, type, date, end_date, evidence, places, countries,
//          organizers, participants, participant_organizations.
MATCH (a:Article)-[rep:REPORTS]->(e:Event)
WITH a, rep, e ORDER BY a.id, e.id
SKIP $skip LIMIT $limit
RETURN a.id AS article_id, e.id AS id, e.name AS name, e.type AS type, e.date AS date,
       e.end_date AS end_date, rep.evidence AS evidence,
       [(e)-[:HELD_IN]->(pl:Place) | pl.name] AS places,
       [(e)-[:HELD_IN]->(:Place)-[:LOCATED_IN]->(pc:Country) | pc.id] AS place_countries,
       [(e)-[:INVOLVES]->(ec:Country) | ec.id] AS countries,
       [(eo:Organization)-[:ORGANIZED]->(e) | eo.name] AS organizers,
       [(ep:Person)-[:PARTICIPATED_IN]->(e) | ep.name] AS participants,
       [(epo:Organization)-[:PARTICIPATED_IN]->(e) | epo.name] AS participant_organizations
