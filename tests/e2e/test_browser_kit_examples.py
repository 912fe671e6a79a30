"""The guide's examples work on the bundled samples: every `:param` value the Neo4j Browser
guide shows, on a graph of the samples, gives its query something to show (so a reader of
the guide who loaded the demo data sees results, not an empty frame)."""

import pytest

from api.browser_kit import guide_queries
from cypher import query_names

QUERIES = [q for q in guide_queries() if q.parameters]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_the_example_parameters_find_something_in_the_samples(samples_store, query):
    if query.name not in query_names(samples_store.engine, folder="browser"):
        pytest.skip(f"{query.name} is Neo4j-only")
    values = {name: line.split("=>", 1)[1].strip().strip("'")
              for name, line in query.examples.items()}
    assert samples_store.query(query.name, **values), f"{query.name} with {values}"
