"""Property-based fuzzing of every operation in the OpenAPI schema (schemathesis), in process.

Each operation gets a bounded, derandomized run of generated requests (the schema's examples,
its boundary and malformed cases, then random inputs); every response must be no 5xx, with a
status code, content type and body the schema declares. The fuzzer has a store of its own,
since it may POST and DELETE articles; two hand-written requests reach the write answers that
generated ones cannot (an article posted twice, a retraction that finds its article).
`pytest -s` prints what the fuzzer sent and what it found.
"""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
import schemathesis
from fastapi import FastAPI
from schemathesis.errors import FailureGroup

from api.app import create_app
from api.settings import Settings
from graph.falkordb_store import FalkorDBStore
from tests.conftest import with_samples

SEED = 20261122
MAX_EXAMPLES = 100  # random requests per operation, after the schema's examples and edge cases
CHECKS = ["not_a_server_error", "status_code_conformance", "content_type_conformance",
          "response_schema_conformance"]
CONFIG = {
    "seed": SEED,
    "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
    "checks": {"enabled": False, **{check: {"enabled": True} for check in CHECKS}},
}
# No API key, whatever the environment says, so write operations are exercised. The app is
# given the store, so the settings' data directory is never opened.
SETTINGS = Settings(api_key=None, allowed_hosts=["testserver", "localhost"])
# The schema comes from an app whose lifespan never runs; requests go to `fuzz_app`, the same
# routes over the fuzzer's own store.
schema = schemathesis.openapi.from_dict(create_app(settings=SETTINGS).openapi(),
                                        config=schemathesis.Config.from_dict(CONFIG))


@dataclass
class FuzzTally:
    """What the fuzzer sent and what it found, for the closing summary."""

    requests: Counter[str] = field(default_factory=Counter)  # by operation
    statuses: Counter[int] = field(default_factory=Counter)
    failures: set[tuple[str, int, str]] = field(default_factory=set)  # operation, status, check

    def summary(self) -> str:
        statuses = ", ".join(f"{code}: {n}" for code, n in sorted(self.statuses.items()))
        return (f"API fuzz: {len(self.requests)} of {schema.statistic.operations.total} "
                f"operations, {self.requests.total()} requests ({statuses}), "
                f"{len(self.failures)} distinct failures")


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory, nlp) -> Iterator[FalkorDBStore]:
    """The bundled samples in a store no other module sees: the fuzzer writes and deletes."""
    yield from with_samples(FalkorDBStore(tmp_path_factory.mktemp("fuzz") / "data"), nlp)


@pytest.fixture(scope="module")
def fuzz_app(fuzz_store: FalkorDBStore, nlp) -> FastAPI:
    return create_app(settings=SETTINGS, store=fuzz_store, nlp=nlp)


@pytest.fixture(scope="module")
def fuzz_tally() -> Iterator[FuzzTally]:
    tally = FuzzTally()
    yield tally
    print(f"\n{tally.summary()}")
    for operation, requests in tally.requests.items():
        print(f"  {operation}: {requests} requests")
    for operation, status, check in sorted(tally.failures):
        print(f"  failure: {operation} -> {status}, {check}")


@schema.parametrize()
def test_every_operation_answers_as_its_schema_declares(case: schemathesis.Case,
                                                        fuzz_app: FastAPI,
                                                        fuzz_tally: FuzzTally):
    response = case.call(app=fuzz_app)
    fuzz_tally.requests[case.operation.label] += 1
    fuzz_tally.statuses[response.status_code] += 1
    try:
        case.validate_response(response)
    except FailureGroup as group:
        fuzz_tally.failures.update(
            (case.operation.label, response.status_code, _check_name(failure))
            for failure in group.exceptions)
        raise


def _check_name(failure: AssertionError) -> str:
    checks = getattr(failure, "checks", ())
    return checks[0] if checks else str(failure).split("\n")[0]


def test_posting_an_article_again_answers_the_declared_200(fuzz_app: FastAPI):
    case = schema["/articles"]["POST"].Case(
        body={"text": "ASTANA, May 5 -- The ministers of Kazakhstan and Uzbekistan met."},
        media_type="application/json")
    for expected in (201, 200):
        response = case.call(app=fuzz_app)
        assert response.status_code == expected
        case.validate_response(response)


def test_an_article_posted_then_retracted_answers_as_declared(fuzz_app: FastAPI):
    """Generated ids never name a stored article, so the fuzzer's DELETEs all miss: this
    retracts one for real and checks both answers against the schema."""
    posted = schema["/articles"]["POST"].Case(
        body={"text": "TASHKENT, March 3 -- Uzbekistan and Turkey signed a trade agreement."},
        media_type="application/json")
    response = posted.call(app=fuzz_app)
    posted.validate_response(response)
    retract = schema["/articles/{article_id}"]["DELETE"].Case(
        path_parameters={"article_id": response.json()["article"]})
    for expected in (200, 404):
        response = retract.call(app=fuzz_app)
        assert response.status_code == expected
        retract.validate_response(response)
