// Remove every node resolution produced (all but articles), with their relationships, so
// `dkg resolve` can rebuild them from the articles' stored extractions.
// Parameters: none.
// Returns: nothing.
MATCH (n)
WHERE NOT n:Article
DETACH DELETE n
