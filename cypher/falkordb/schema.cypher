// FalkorDB schema: an exact-match index on `id` for every label (unique constraints on top of
// them are created by the store through GRAPH.CONSTRAINT) and indexes for event date and type.
// One statement per line; "already indexed" answers are expected on later starts. The last
// line makes the node writers take turns on (falkordb/begin_write.cypher).
// Parameters: none.
// Returns: nothing.
CREATE INDEX FOR (n:Article) ON (n.id)
CREATE INDEX FOR (n:Country) ON (n.id)
CREATE INDEX FOR (n:Organization) ON (n.id)
CREATE INDEX FOR (n:Person) ON (n.id)
CREATE INDEX FOR (n:Event) ON (n.id)
CREATE INDEX FOR (n:Place) ON (n.id)
CREATE INDEX FOR (n:Region) ON (n.id)
CREATE INDEX FOR (n:Event) ON (n.date)
CREATE INDEX FOR (n:Event) ON (n.type)
MERGE (dkg_lock:DkgWriteLock {id: 'writes'}) ON CREATE SET dkg_lock.version = 0
