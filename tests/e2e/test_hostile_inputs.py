"""Ingesting a folder of hostile inputs (tests/reliability/hostile.py): each is in the
graph entirely or skipped with its true reason, never a traceback, and no good article
among them is lost — through the ingest service and through `dkg ingest`."""

import os
from pathlib import Path

import pytest

from api.ingest import ingest_paths
from extract.reading import display_path
from graph.falkordb_store import FalkorDBStore
from tests.e2e.conftest import run_dkg
from tests.reliability.hostile import HOSTILE, Hostile, build_hostile_corpus

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "in"
    build_hostile_corpus(folder)
    return folder


@pytest.fixture(scope="module")
def ingested(corpus: Path, tmp_path_factory: pytest.TempPathFactory, nlp):
    store = FalkorDBStore(tmp_path_factory.mktemp("hostile-store") / "data")
    store.apply_schema()
    report = ingest_paths([corpus], store=store, nlp=nlp)
    nodes, _ = store.iter_export()
    articles = [n["properties"] for n in nodes if n["labels"] == ["Article"]]
    store.close()
    return report, articles


def _path(corpus: Path, item: Hostile) -> str:
    return display_path(os.path.join(os.fsencode(corpus), item.name))


def _from(path: str, where: str) -> bool:
    """Whether `where` (a path, "path[3]" or "path:12") names the input `path`."""
    return where == path or where.startswith((f"{path}[", f"{path}:"))


def test_the_corpus_holds_forty_hostile_inputs() -> None:
    assert len(HOSTILE) >= 40
    assert len({item.name for item in HOSTILE}) == len(HOSTILE)


@pytest.mark.parametrize("item", HOSTILE, ids=lambda item: item.shown)
def test_each_input_is_ingested_or_skipped_with_its_reason(item: Hostile, corpus, ingested
                                                           ) -> None:
    report, articles = ingested
    path = _path(corpus, item)
    skipped = [f.reason for f in report.skipped if _from(path, f.path)]
    stored = [a for a in articles if _from(path, a.get("path", ""))]
    if item.expect == "ingested":
        assert skipped == [] and len(stored) == item.records
    elif item.expect == "known":
        assert skipped == [] and stored == [] and report.articles_known >= 1
    else:
        assert stored == []
        assert len(skipped) == item.records
        assert all(item.expect in reason for reason in skipped), skipped


def test_no_good_article_is_lost(ingested) -> None:
    report, articles = ingested
    expected = sum(item.records for item in HOSTILE if item.expect == "ingested")
    assert report.articles_ingested == len(articles) == expected


def test_every_skip_is_reported_once_and_names_its_input(ingested, corpus) -> None:
    report, _ = ingested
    paths = [_path(corpus, item) for item in HOSTILE]
    assert all(any(_from(path, f.path) for path in paths) for f in report.skipped)
    expected = sum(item.records for item in HOSTILE
                   if item.expect not in ("ingested", "known"))
    assert len(report.skipped) == expected


def test_a_lone_surrogate_becomes_a_replacement_character(ingested) -> None:
    _, articles = ingested
    titles = [a["title"] for a in articles if "Week" in a.get("title", "")]
    assert titles == ["Week \ufffd opens"]


def test_a_file_name_that_is_not_utf8_is_shown_with_its_bytes_escaped(ingested) -> None:
    _, articles = ingested
    assert any(a.get("path", "").endswith("caf\\xe9-latin1-name.txt") for a in articles)


def test_dkg_ingest_reports_every_skip_without_a_traceback(corpus, tmp_path) -> None:
    done = run_dkg(["ingest", str(corpus)], data_dir=tmp_path / "data")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    ingested = sum(item.records for item in HOSTILE if item.expect == "ingested")
    assert f"ingested {ingested} articles" in done.stdout
    assert done.stdout.count("  skipped ") == sum(
        item.records for item in HOSTILE if item.expect not in ("ingested", "known"))
