// Open a write on the embedded engine (graph/falkordb_store.py): bump the graph's version
// if it still is the one the writer planned on. The plan's statements go in as `CALL`
// subqueries before the RETURN, each importing `dkg_lock`: when another writer changed the
// graph first, no row passes the WHERE, nothing runs, and no row comes back.
// Parameters: $version: the version read before planning.
// Returns: version (the new one), when the write went ahead.
MATCH (dkg_lock:DkgWriteLock {id: 'writes'})
WHERE dkg_lock.version = $version
SET dkg_lock.version = dkg_lock.version + 1
WITH dkg_lock
RETURN dkg_lock.version AS version
