// Events per type, and the earliest and latest event date of each.
// Parameters: none.
// Returns: type, events, first, last.
MATCH (e:Event)
RETURN e.type AS type, count(e) AS events, min(e.date) AS first, max(e.date) AS last
ORDER BY events DESC, type
