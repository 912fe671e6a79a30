// The graph model as a picture: every label and the relationship types between them, as
// the database sees them (Neo4j only: FalkorDB has no such procedure).
// Parameters: none.
// Returns: nodes, relationships.
CALL db.schema.visualization()
