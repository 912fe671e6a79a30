// One person's network as a picture: the organizations and the country the person is tied
// to, the events the person took part in, and the people and organizations that organized
// or took part in those events too.
// Parameters: $person: the person's id (find it with the first query of the guide).
// Example: :param person => 'person:fang-zhiyuan'
// Returns: path; one per tie, per event and per fellow organizer or participant.
MATCH path = (:Person {id: $person})-[:AFFILIATED_WITH|REPRESENTS]->()
RETURN path
UNION
MATCH path = (:Person {id: $person})-[:PARTICIPATED_IN]->(:Event)
RETURN path
UNION
MATCH path = (:Person {id: $person})-[:PARTICIPATED_IN]->(:Event)<-[:ORGANIZED|PARTICIPATED_IN]-(other)
WHERE other.id <> $person
RETURN path
