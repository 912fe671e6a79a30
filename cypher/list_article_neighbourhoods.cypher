// The nodes each article's relationships hang from: what it mentions and reports, and the
// places of the events it reports. Every relationship the article supports touches one.
// Parameters: $ids: article ids.
// Returns: id, around (node ids).
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id,
       [(a)-[:MENTIONS|REPORTS]->(n) | n.id] +
       [(a)-[:REPORTS]->(:Event)-[:HELD_IN]->(p:Place) | p.id] AS around
