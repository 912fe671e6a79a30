// One event with its place, countries, organizers, participants, message senders (persons
// and organizations, with their label as kind), parent and sub-events and source articles.
// Role lists carry the sentences that support them and their spans
// ("<article id>:<start>-<end>", one per sentence, in the same order).
// Parameters: $id: event id.
// Returns: id, name, type, plover, date, end_date, places, place_countries, countries,
//          regions, organizers, participants, participant_organizations, message_senders,
//          parents, sub_events, articles.
MATCH (e:Event {id: $id})
RETURN e.id AS id, e.name AS name, e.type AS type, e.plover AS plover, e.date AS date,
       e.end_date AS end_date,
       [(e)-[held:HELD_IN]->(p:Place) | {id: p.id, name: p.name, evidence: held.evidence, spans: held.evidence_spans}] AS places,
       [(e)-[:HELD_IN]->(:Place)-[:LOCATED_IN]->(pc:Country) | pc.id] AS place_countries,
       [(e)-[inv:INVOLVES]->(c:Country) | {id: c.id, name: c.name, evidence: inv.evidence, spans: inv.evidence_spans}] AS countries,
       [(e)-[rinv:INVOLVES]->(r:Region) | {id: r.id, name: r.name, evidence: rinv.evidence, spans: rinv.evidence_spans}] AS regions,
       [(o:Organization)-[org:ORGANIZED]->(e) | {id: o.id, name: o.name, evidence: org.evidence, spans: org.evidence_spans}] AS organizers,
       [(person:Person)-[part:PARTICIPATED_IN]->(e) | {id: person.id, name: person.name, titles: person.titles, evidence: part.evidence, spans: part.evidence_spans}] AS participants,
       [(po:Organization)-[opart:PARTICIPATED_IN]->(e) | {id: po.id, name: po.name, evidence: opart.evidence, spans: opart.evidence_spans}] AS participant_organizations,
       [(sender)-[sent:SENT_MESSAGE_TO]->(e) | {id: sender.id, name: sender.name, kind: labels(sender)[0], evidence: sent.evidence, spans: sent.evidence_spans}] AS message_senders,
       [(e)-[:PART_OF]->(parent:Event) | {id: parent.id, name: parent.name, type: parent.type, plover: parent.plover, date: parent.date}] AS parents,
       [(sub:Event)-[:PART_OF]->(e) | {id: sub.id, name: sub.name, type: sub.type, plover: sub.plover, date: sub.date}] AS sub_events,
       [(a:Article)-[rep:REPORTS]->(e) | {id: a.id, title: a.title, url: a.url, path: a.path, source: a.source, published: a.published, evidence: rep.evidence, spans: rep.evidence_spans}] AS articles
