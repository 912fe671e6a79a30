// Merge Place nodes by id, keeping every spelling articles used: the longest is the name
// (ties: the alphabetically first), the others are the aliases, sorted, whatever the order
// of ingest ("St. Petersburg" and "Saint Petersburg" are one city).
// Parameters: $rows: list of {id, name, aliases: [string]}
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Place {id: row.id})
WITH n, [row.name] + coalesce(row.aliases, []) + coalesce(n.aliases, []) +
        CASE WHEN n.name IS NULL THEN [] ELSE [n.name] END AS written
WITH n, reduce(acc = [], s IN written |
               CASE WHEN s IN acc THEN acc
                    ELSE [x IN acc WHERE x < s] + [s] + [x IN acc WHERE x > s] END) AS spellings
WITH n, spellings, reduce(best = head(spellings), s IN spellings |
                          CASE WHEN size(s) > size(best) THEN s ELSE best END) AS name
SET n.name = name, n.aliases = [s IN spellings WHERE s <> name]
