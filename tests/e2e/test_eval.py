"""`dkg eval` on the shared gold corpora: headline scores must not fall below the floors kept
in tests/eval_floors.json."""

import json
from pathlib import Path

import pytest

from api.evaluation.run import evaluate
from tests.conftest import SHARED
from tests.e2e.conftest import run_dkg

FLOORS = json.loads((Path(__file__).parents[1] / "eval_floors.json").read_text())
GOLD_DIRS = [SHARED / "seeds", SHARED / "corpus" / "dev"]


@pytest.fixture(scope="module")
def report(nlp):
    missing = [str(d) for d in GOLD_DIRS if not d.is_dir()]
    if missing:
        pytest.skip(f"gold corpora absent on this machine: {', '.join(missing)}")
    return evaluate(GOLD_DIRS, nlp=nlp, measure_speed=False)


@pytest.mark.parametrize("kind", sorted(FLOORS["kinds"]))
def test_entity_and_event_f1_stay_above_their_floors(report, kind):
    assert report.micro.kinds[kind].f1 >= FLOORS["kinds"][kind]


@pytest.mark.parametrize("role", sorted(FLOORS["roles"]))
def test_event_role_f1_stays_above_its_floor(report, role):
    assert report.micro.roles[role].f1 >= FLOORS["roles"][role]


@pytest.mark.parametrize("attribute", sorted(FLOORS["attributes"]))
def test_event_attribute_accuracy_stays_above_its_floor(report, attribute):
    assert report.micro.attributes[attribute].accuracy >= FLOORS["attributes"][attribute]


def test_no_node_comes_from_page_navigation(report):
    assert report.navigation_nodes == FLOORS["navigation_nodes"]


def test_eval_command_prints_json_with_every_article(tmp_path):
    folder = GOLD_DIRS[0]
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent on this machine")
    result = run_dkg(["eval", str(folder), "--json", "--no-speed"], data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["articles"] == 3 and len(body["per_article"]) == 3
    assert set(body["micro"]["kinds"]) == {"countries", "regions", "organizations", "persons",
                                           "events"}


def test_eval_refuses_a_folder_without_gold(tmp_path):
    result = run_dkg(["eval", str(tmp_path)], data_dir=tmp_path / "data")
    assert result.returncode == 2 and "no NN.txt + NN.gold.json pairs" in result.stderr


@pytest.mark.parametrize("kind", sorted(FLOORS["resolution"]))
def test_resolution_b_cubed_f1_stays_above_its_floor(report, kind):
    assert report.resolution[kind].b3_f1 >= FLOORS["resolution"][kind]


@pytest.mark.parametrize("kind", sorted(FLOORS["resolution"]))
def test_every_look_alike_is_kept_apart(report, kind):
    assert report.resolution[kind].merged_look_alikes == []


def test_no_node_merges_two_labels(report):
    assert report.cross_label_nodes == FLOORS["cross_label_nodes"]
