"""`dkg eval` on the shared gold corpora: each corpus's headline scores must not fall below
the floors kept for it in tests/eval_floors.json (seeds, dev and dev2 one by one, and seeds +
dev together), nor its counts of bad nodes rise above their ceilings."""

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from api.evaluation.report import print_report
from api.evaluation.run import EvalReport, evaluate
from tests.conftest import SHARED
from tests.e2e.conftest import run_dkg

CORPORA: dict[str, dict] = json.loads(
    (Path(__file__).parents[1] / "eval_floors.json").read_text())["corpora"]
# What each group of floors measures in a report.
SCORES: dict[str, Callable[[EvalReport, str], float]] = {
    "kinds": lambda report, kind: report.micro.kinds[kind].f1,
    "roles": lambda report, role: report.micro.roles[role].f1,
    "attributes": lambda report, name: report.micro.attributes[name].accuracy,
    "resolution": lambda report, kind: report.resolution[kind].b3_f1,
}
COUNTS: dict[str, Callable[[EvalReport], int]] = {
    "navigation_nodes": lambda report: report.navigation_nodes,
    "byline_persons": lambda report: report.byline_persons,
    "look_alikes_merged": lambda report: sum(len(r.merged_look_alikes)
                                             for r in report.resolution.values()),
    "cross_label_nodes": lambda report: report.cross_label_nodes,
}
SCORE_FLOORS = [pytest.param(corpus, group, metric, floor, id=f"{corpus}-{group}-{metric}")
                for corpus, floors in CORPORA.items() for group in SCORES
                for metric, floor in floors.get(group, {}).items()]
COUNT_CEILINGS = [pytest.param(corpus, name, floors[name], id=f"{corpus}-{name}")
                  for corpus, floors in CORPORA.items() for name in COUNTS if name in floors]


@pytest.fixture(scope="session")
def report_of(nlp) -> Callable[[str], EvalReport]:
    """The evaluation of a corpus of eval_floors.json, run once per session; skips when
    its folders are not on this machine."""
    reports: dict[str, EvalReport] = {}

    def report(corpus: str) -> EvalReport:
        if corpus not in reports:
            folders = [SHARED / folder for folder in CORPORA[corpus]["folders"]]
            missing = [str(folder) for folder in folders if not folder.is_dir()]
            if missing:
                pytest.skip(f"gold corpora absent on this machine ({', '.join(missing)}): "
                            f"the {corpus} floors need the shared folder {SHARED}")
            reports[corpus] = evaluate(folders, nlp=nlp, measure_speed=False)
        return reports[corpus]

    return report


@pytest.mark.parametrize(("corpus", "group", "metric", "floor"), SCORE_FLOORS)
def test_score_stays_above_its_floor(report_of, corpus: str, group: str, metric: str,
                                     floor: float) -> None:
    measured = SCORES[group](report_of(corpus), metric)
    assert measured >= floor, (
        f"{corpus}: {group} {metric} measured {measured} is below its floor {floor}")


@pytest.mark.parametrize(("corpus", "name", "ceiling"), COUNT_CEILINGS)
def test_bad_node_count_stays_within_its_ceiling(report_of, corpus: str, name: str,
                                                 ceiling: int) -> None:
    report = report_of(corpus)
    measured = COUNTS[name](report)
    merged = [pair for r in report.resolution.values() for pair in r.merged_look_alikes]
    detail = f" (merged look-alikes: {merged})" if name == "look_alikes_merged" else ""
    assert measured <= ceiling, (
        f"{corpus}: {name} measured {measured} is above its ceiling {ceiling}{detail}")


def test_printed_report_names_the_pipeline_and_scores_message_senders(report_of, nlp) -> None:
    console = Console(file=io.StringIO(), width=140)
    print_report(report_of("seeds"), console)
    printed = console.file.getvalue()
    assert f"spaCy pipeline {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}" in printed
    assert "event message_senders" in printed


def test_eval_command_prints_json_with_every_article_and_the_pipeline(tmp_path, nlp):
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent on this machine")
    result = run_dkg(["eval", str(folder), "--json", "--no-speed"], data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["articles"] == 3 and len(body["per_article"]) == 3
    assert set(body["micro"]["kinds"]) == {"countries", "regions", "organizations", "persons",
                                           "events"}
    assert "message_senders" in body["micro"]["roles"]
    assert body["pipeline"] == {"name": f"{nlp.meta['lang']}_{nlp.meta['name']}",
                                "version": nlp.meta["version"], "components": nlp.pipe_names}


def test_eval_refuses_a_folder_without_gold(tmp_path):
    result = run_dkg(["eval", str(tmp_path)], data_dir=tmp_path / "data")
    assert result.returncode == 2 and "no NN.txt + NN.gold.json pairs" in result.stderr
