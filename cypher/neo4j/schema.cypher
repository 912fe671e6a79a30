// Neo4j schema: uniqueness on `id` for every label, indexes for event date and type, and the
// full-text index `search_text` that /search asks for candidates (search_candidates.cypher):
// names and aliases (a list of strings is indexed element by element) and blocking keys,
// analysed by `standard-no-stop-words` (lower case, Unicode word breaks, no stop words
// dropped, no accent folding: the words a query looks for are folded already).
// One statement per line; IF NOT EXISTS makes every start idempotent.
// Parameters: none.
// Returns: nothing.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)
CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type)
CREATE FULLTEXT INDEX search_text IF NOT EXISTS FOR (n:Country|Organization|Person|Event) ON EACH [n.name, n.aliases, n.alias_keys, n.block_keys] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}
