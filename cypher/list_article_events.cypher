// Every (article, event) report with what that article says of the event: only role and
// place facts the article itself supports (an event may be reported by several articles).
// Parameters: $skip, $limit: integers.
// Returns: article_id, id, name, type, date, end_date, evidence, places (each place's name
//          and aliases: every spelling of it articles used), place_countries,
//          countries, organizers, participants, participant_organizations, message_senders
//          (persons and organizations).
MATCH (a:Article)-[rep:REPORTS]->(e:Event)
WITH a, rep, e ORDER BY a.id, e.id
SKIP $skip LIMIT $limit
RETURN a.id AS article_id, e.id AS id, e.name AS name, e.type AS type, e.date AS date,
       e.end_date AS end_date, rep.evidence AS evidence,
       [(e)-[held:HELD_IN]->(pl:Place) WHERE a.id IN held.articles
        | [pl.name] + coalesce(pl.aliases, [])] AS places,
       [(e)-[held2:HELD_IN]->(:Place)-[:LOCATED_IN]->(pc:Country) WHERE a.id IN held2.articles
        | pc.id] AS place_countries,
       [(e)-[inv:INVOLVES]->(ec:Country) WHERE a.id IN inv.articles | ec.id] AS countries,
       [(eo:Organization)-[org:ORGANIZED]->(e) WHERE a.id IN org.articles | eo.name] AS organizers,
       [(ep:Person)-[part:PARTICIPATED_IN]->(e) WHERE a.id IN part.articles | ep.name]
           AS participants,
       [(epo:Organization)-[opart:PARTICIPATED_IN]->(e) WHERE a.id IN opart.articles | epo.name]
           AS participant_organizations,
       [(ms)-[sent:SENT_MESSAGE_TO]->(e) WHERE a.id IN sent.articles | ms.name]
           AS message_senders
