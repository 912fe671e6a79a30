"""The graph as CSV files for `neo4j-admin database import` (bulk loads at scale).

    export = write_import_files(store, Path("import"))
    print(export.command("neo4j"))

One file of nodes per label and one of relationships per type, each with a typed header
(`id:ID`, `:LABEL`, `name`, `aliases:string[]`, `date:date`; `:START_ID`, `:END_ID`,
`:TYPE`). Ids are the project's own, unique across labels, so one id space serves all files.
List elements are separated by TAB (`--array-delimiter=TAB`): sentences contain `;`, never a
tab (a tab inside a value is written as a space). The store is read twice, a page at a time:
once to learn each file's columns, once to write the rows.
"""

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from graph.store import GraphStore, Row

ARRAY_DELIMITER = "\t"


class ImportFiles(BaseModel):
    """What was written, and how to load it."""

    folder: Path
    node_files: dict[str, str]  # label -> file name
    relationship_files: dict[str, str]  # type -> file name
    nodes: int
    relationships: int

    def command(self, database: str = "neo4j") -> str:
        """The neo4j-admin command that loads the files into a new database."""
        parts = ["neo4j-admin database import full", "--array-delimiter=TAB",
                 "--multiline-fields=true", "--id-type=string"]
        parts += [f"--nodes={label}={self.folder / name}"
                  for label, name in sorted(self.node_files.items())]
        parts += [f"--relationships={rel_type}={self.folder / name}"
                  for rel_type, name in sorted(self.relationship_files.items())]
        return " \\\n  ".join([*parts, database])


def write_import_files(store: GraphStore, folder: Path) -> ImportFiles:
    folder.mkdir(parents=True, exist_ok=True)
    node_columns: dict[str, dict[str, str]] = defaultdict(dict)
    rel_columns: dict[str, dict[str, str]] = defaultdict(dict)
    nodes, relationships = store.iter_export()
    for node in nodes:
        _learn(node_columns[_label(node)], node["properties"], skip=("id",))
    for rel in relationships:
        _learn(rel_columns[rel["type"]], rel["properties"])
    nodes, relationships = store.iter_export()
    node_count = _write_grouped(
        folder, "nodes", nodes, key=_label, columns=node_columns,
        fixed=lambda label: ["id:ID", ":LABEL"],
        fixed_values=lambda node: [node["id"], _label(node)])
    rel_count = _write_grouped(
        folder, "relationships", relationships, key=lambda r: r["type"], columns=rel_columns,
        fixed=lambda rel_type: [":START_ID", ":END_ID", ":TYPE"],
        fixed_values=lambda rel: [rel["start"], rel["end"], rel["type"]])
    return ImportFiles(folder=folder,
                       node_files={label: f"nodes_{label}.csv" for label in node_columns},
                       relationship_files={t: f"relationships_{t}.csv" for t in rel_columns},
                       nodes=node_count, relationships=rel_count)


def _label(node: Row) -> str:
    return node["labels"][0]


def _learn(columns: dict[str, str], properties: dict[str, Any], *, skip: tuple = ()) -> None:
    """Record each property's neo4j-admin type; a property seen with two types is a string."""
    for key, value in properties.items():
        if key in skip or value is None:
            continue
        kind = _kind(value)
        if columns.setdefault(key, kind) != kind:
            columns[key] = "string[]" if kind.endswith("[]") else "string"


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, list):
        return "string[]"
    return "string"


def _write_grouped(folder: Path, prefix: str, rows: Iterator[Row], *, key, columns, fixed,
                   fixed_values) -> int:
    """Write each row to the file of its group (label or type), headers first."""
    files, writers, count = {}, {}, 0
    try:
        for row in rows:
            group = key(row)
            if group not in writers:
                files[group] = (folder / f"{prefix}_{group}.csv").open(
                    "w", encoding="utf-8", newline="")
                writers[group] = csv.writer(files[group])
                writers[group].writerow(fixed(group) + [_header(name, kind) for name, kind
                                                        in columns[group].items()])
            values = [_cell(row["properties"].get(name)) for name in columns[group]]
            writers[group].writerow(fixed_values(row) + values)
            count += 1
    finally:
        for handle in files.values():
            handle.close()
    return count


def _header(name: str, kind: str) -> str:
    return name if kind == "string" else f"{name}:{kind}"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_text(v) for v in value)
    return _text(value) if isinstance(value, str) else str(value)


def _text(value: Any) -> str:
    return str(value).replace(ARRAY_DELIMITER, " ")
