// Take the graph's write lock for the rest of the transaction: writers that change the
// graph from what they read plan one after another (graph/neo4j_store.py). The lock is a
// node of its own label, outside the graph model (queries over all nodes leave it out),
// whose version counts the writes.
// Parameters: none.
// Returns: nothing.
MERGE (dkg_lock:DkgWriteLock {id: 'writes'})
SET dkg_lock.version = coalesce(dkg_lock.version, 0) + 1
