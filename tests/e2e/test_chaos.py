"""The chaos script (tests/reliability/chaos.py) in small: one round of every kind of kill
on a corpus of two ingest chunks. The full run (`python -m tests.reliability.chaos
--rounds 20`) is the measurement; this keeps it honest on every test run."""

import pytest

from tests.reliability.chaos import KINDS, RESTART_LIMIT_S, Chaos

pytestmark = pytest.mark.model


def test_every_kind_of_kill_leaves_whole_articles_and_finishes_on_the_reference(tmp_path):
    tally = Chaos(tmp_path, articles=100, seed=3).run(len(KINDS))
    print(tally.report())
    assert tally.rounds == len(KINDS) and set(tally.kills) == set(KINDS)
    assert tally.mismatches == []
    assert max(tally.restarts) < RESTART_LIMIT_S
