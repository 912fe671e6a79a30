// Every fact recorded about one event, with the sentences that support it and the articles
// they were read in: the countries and regions it involves, where it was held, who
// organized it, who took part, who sent it a message, and the events it is part of or
// contains.
// Parameters: $event: the event's id.
// Example: :param event => 'event:7263a3b3f0163cec'
// Returns: relationship (type), direction ("event -> Label" or "Label -> event"), name, id,
//          sentences, articles; one row per relationship.
MATCH (e:Event {id: $event})-[r]-(n)
WHERE NOT n:Article
RETURN type(r) AS relationship,
       CASE WHEN startNode(r).id = e.id THEN 'event -> ' + labels(n)[0]
            ELSE labels(n)[0] + ' -> event' END AS direction,
       coalesce(n.name, n.id) AS name, n.id AS id, r.evidence AS sentences,
       r.articles AS articles
ORDER BY relationship, direction, name
