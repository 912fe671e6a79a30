// The nodes an article's facts touch: what it mentions and reports, the places of the
// events it reports and the member countries of the regions it mentions. Retracting the
// article only ever changes these nodes and their relationships.
// Parameters: $id: article id.
// Returns: no row when the article is unknown, else id, ids.
MATCH (a:Article {id: $id})
OPTIONAL MATCH (a)-[:MENTIONS|REPORTS]->(n)
OPTIONAL MATCH (n)-[:HELD_IN]->(pl:Place)
OPTIONAL MATCH (n)<-[:IN_REGION]-(member:Country)
WITH a, collect(DISTINCT n.id) + collect(DISTINCT pl.id) + collect(DISTINCT member.id) AS ids
RETURN a.id AS id, ids
