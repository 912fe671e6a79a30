// Stored articles as resolution needs them again (graph/resolver.py): the extraction each
// was ingested with, where each of its entity units went (and why), and where each of its
// event reports went.
// Parameters: $ids: article ids.
// Returns: id, extraction, mentions (list of {label, unit, node, resolution}),
//          reports (list of {index, node}).
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.extraction AS extraction,
       [(a)-[m:MENTIONS]->(n) WHERE n:Person OR n:Organization |
        {label: labels(n)[0], unit: m.unit, node: n.id, resolution: m.resolution}] AS mentions,
       [(a)-[r:REPORTS]->(e:Event) | {index: r.report, node: e.id}] AS reports
