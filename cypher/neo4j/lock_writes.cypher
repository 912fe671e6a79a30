// Take the graph's write lock for the rest of the transaction: writers that change the
// graph from what they read plan one after another (graph/neo4j_store.py). The lock is a
// node of its own label, outside the graph model; queries over all nodes leave it out.
// Parameters: none.
// Returns: nothing.
MERGE (lock:DkgWriteLock {id: 'writes'})
SET lock.taken = coalesce(lock.taken, 0) + 1
