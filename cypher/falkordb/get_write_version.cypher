// The graph's version: what a writer plans on (see begin_write).
// Parameters: none.
// Returns: version.
MATCH (dkg_lock:DkgWriteLock {id: 'writes'})
RETURN dkg_lock.version AS version
