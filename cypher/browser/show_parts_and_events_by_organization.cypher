// One organization in its hierarchy, as a picture: the organizations it is part of and its
// own parts (up to three levels each way), and the events it or one of its parts organized
// or took part in.
// Parameters: $organization: the organization's id (find it with the first query).
// Example: :param organization => 'org:china-international-publishing-and-media-group:chn'
// Returns: path; one per level of the hierarchy and per event.
MATCH path = (:Organization {id: $organization})-[:PART_OF*1..3]->(:Organization)
RETURN path
UNION
MATCH path = (:Organization {id: $organization})<-[:PART_OF*1..3]-(:Organization)
RETURN path
UNION
MATCH path = (:Organization {id: $organization})-[:ORGANIZED|PARTICIPATED_IN]->(:Event)
RETURN path
UNION
MATCH path = (:Organization {id: $organization})<-[:PART_OF*1..3]-(:Organization)-[:ORGANIZED|PARTICIPATED_IN]->(:Event)
RETURN path
