"""Every query of the project, one statement per `.cypher` file, loaded by name.

Shared files sit in this folder; a file in `falkordb/` or `neo4j/` with the same name
replaces the shared one for that engine.
"""

from functools import cache
from importlib import resources

ENGINES = ("falkordb", "neo4j")


@cache
def load_query(name: str, engine: str) -> str:
    """Text of query `name` for `engine`, without its header comment lines."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}")
    root = resources.files(__package__)
    for candidate in (root / engine / f"{name}.cypher", root / f"{name}.cypher"):
        if candidate.is_file():
            lines = candidate.read_text(encoding="utf-8").splitlines()
            return "\n".join(line for line in lines if not line.lstrip().startswith("//")).strip()
    raise FileNotFoundError(f"no query named {name!r} for {engine}")


def query_names(engine: str) -> list[str]:
    """Names of every query available to `engine` (shared ones and its own)."""
    root = resources.files(__package__)
    names = {p.name.removesuffix(".cypher") for p in root.iterdir() if p.name.endswith(".cypher")}
    names |= {
        p.name.removesuffix(".cypher")
        for p in (root / engine).iterdir()
        if p.name.endswith(".cypher")
    }
    return sorted(names)
