"""Every query of the project, one statement per `.cypher` file, loaded by name.

Shared files sit in this folder; a file in `falkordb/` or `neo4j/` with the same name
replaces the shared one for that engine. The same holds in subfolders: `browser/` holds the
queries of the Neo4j Browser guide (api/browser_kit.py), named `browser/<stem>`.

A family of queries that differ only in labels and relationship types is one template in
`templates/`: `{{slot}}` marks where a label or type goes, and `render_query` fills the
slots from the project's vocabulary (never from request text).
"""

import re
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

ENGINES = ("falkordb", "neo4j")
_PARAMETER = re.compile(r"\$(\w+)")
_SLOT = re.compile(r"\{\{(\w+)\}\}")
_SLOT_VALUE = re.compile(r"[A-Z][A-Za-z_]*")


def query_file(name: str, engine: str) -> Traversable:
    """The file `engine` runs for query `name`: its own, else the shared one."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}")
    root = resources.files(__package__)
    for candidate in (root / engine / f"{name}.cypher", root / f"{name}.cypher"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no query named {name!r} for {engine}")


def _lines(name: str, engine: str) -> list[str]:
    return query_file(name, engine).read_text(encoding="utf-8").splitlines()


@cache
def load_query(name: str, engine: str) -> str:
    """Text of query `name` for `engine`, without its header comment lines."""
    lines = _lines(name, engine)
    return "\n".join(line for line in lines if not line.lstrip().startswith("//")).strip()


def declared_parameters(name: str, engine: str) -> list[str]:
    """The `$parameters` the header of query `name` documents."""
    return sorted({found for line in _lines(name, engine) if line.lstrip().startswith("//")
                   for found in _PARAMETER.findall(line)})


def query_names(engine: str, *, folder: str | None = None) -> list[str]:
    """Names of every query available to `engine` (shared ones and its own). With `folder`,
    those of that subfolder instead (shared `<folder>/` and `<engine>/<folder>/`), named
    `<folder>/<stem>` so that `load_query` and `GraphStore.query` take them as they are:
    `browser` holds the queries of the Neo4j Browser guide."""
    root = resources.files(__package__)
    shared, own = (root, root / engine) if folder is None else (root / folder,
                                                                root / engine / folder)
    prefix = "" if folder is None else f"{folder}/"
    return sorted({
        prefix + p.name.removesuffix(".cypher")
        for directory in (shared, own) if directory.is_dir()
        for p in directory.iterdir() if p.name.endswith(".cypher")
    })


def template_slots(name: str, engine: str) -> set[str]:
    """The slots of template `templates/<name>`."""
    return set(_SLOT.findall(load_query(f"templates/{name}", engine)))


@cache
def render_query(name: str, engine: str, slots: tuple[tuple[str, str], ...]) -> str:
    """Template `templates/<name>` for `engine` with every slot filled: `slots` pairs a
    slot with a label or relationship type, which must look like one (`Person`,
    `PARTICIPATED_IN`)."""
    values = dict(slots)
    for slot, value in values.items():
        if not _SLOT_VALUE.fullmatch(value):
            raise ValueError(f"slot {slot!r}: {value!r} is not a label or relationship type")
    text = load_query(f"templates/{name}", engine)
    missing = set(_SLOT.findall(text)) - values.keys()
    if missing:
        raise ValueError(f"template {name!r} needs slots {sorted(missing)}")
    return _SLOT.sub(lambda m: values[m.group(1)], text)

