// The same events as a picture: the country, the events that involve it, and the
// organizations and people that organized them or took part (Graph view).
// Parameters: $country: ISO3 code of the country.
// Example: :param country => 'KAZ'
// Returns: path; one per event and one per organizer or participant of each.
MATCH path = (:Country {id: $country})<-[:INVOLVES]-(:Event)
RETURN path
UNION
MATCH path = (:Country {id: $country})<-[:INVOLVES]-(:Event)<-[:ORGANIZED|PARTICIPATED_IN]-()
RETURN path
