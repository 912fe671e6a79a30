"""`dkg export --format neo4j-admin`: CSV files whose typed headers and rows, read the way
neo4j-admin reads them (comma-separated, double quotes, TAB between list elements), give
back exactly the graph in the store."""

import csv
import datetime as dt
from pathlib import Path

import pytest

from api.neo4j_admin import write_import_files
from tests.e2e.conftest import run_dkg


def _read(path: Path) -> list[dict[str, object]]:
    """Rows as neo4j-admin would type them from the header."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = []
        for values in reader:
            row = {}
            for column, value in zip(header, values, strict=True):
                name, _, kind = column.partition(":")
                if value == "":
                    continue
                if kind == "string[]":
                    row[name] = value.split("\t")
                elif kind == "date":
                    row[name] = dt.date.fromisoformat(value)
                elif kind == "long":
                    row[name] = int(value)
                else:
                    row[name or column] = value
            rows.append(row)
        return rows


@pytest.fixture(scope="module")
def exported(samples_store, tmp_path_factory):
    folder = tmp_path_factory.mktemp("import")
    return write_import_files(samples_store, folder), folder


def test_one_file_per_label_and_type_with_every_row(samples_store, exported):
    files, folder = exported
    counts = samples_store.counts()
    assert set(files.node_files) == set(counts["nodes"])
    assert set(files.relationship_files) == set(counts["relationships"])
    for label, name in files.node_files.items():
        assert len(_read(folder / name)) == counts["nodes"][label]
    for rel_type, name in files.relationship_files.items():
        assert len(_read(folder / name)) == counts["relationships"][rel_type]


def test_rows_give_back_the_stored_properties(samples_store, exported):
    files, folder = exported
    stored_nodes, stored_rels = (list(rows) for rows in samples_store.iter_export())
    nodes = {row["id"]: row for name in files.node_files.values()
             for row in _read(folder / name)}
    for node in stored_nodes:
        expected = {k: v for k, v in node["properties"].items() if v not in (None, [], "")}
        exported_node = nodes[node["id"]]
        assert exported_node.pop(":LABEL") == node["labels"][0]
        assert exported_node == expected, node["id"]
    stored = {(r["start"], r["type"], r["end"]): r["properties"] for r in stored_rels}
    for name in files.relationship_files.values():
        for row in _read(folder / name):
            key = (row.pop(":START_ID"), row.pop(":TYPE"), row.pop(":END_ID"))
            expected = {k: v for k, v in stored[key].items() if v not in (None, [], "")}
            assert row == expected, key


def test_every_relationship_joins_exported_nodes(exported):
    files, folder = exported
    ids = {row["id"] for name in files.node_files.values() for row in _read(folder / name)}
    for name in files.relationship_files.values():
        with (folder / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                assert row[":START_ID"] in ids and row[":END_ID"] in ids


def test_the_command_names_every_file(exported):
    files, folder = exported
    command = files.command("dkg")
    assert command.startswith("neo4j-admin database import full")
    assert "--array-delimiter=TAB" in command and command.endswith("dkg")
    for name in [*files.node_files.values(), *files.relationship_files.values()]:
        assert str(folder / name) in command


def test_the_cli_needs_a_folder(tmp_path):
    result = run_dkg(["export", "--format", "neo4j-admin"], data_dir=tmp_path / "data")
    assert result.returncode == 2 and "--out" in result.stderr
