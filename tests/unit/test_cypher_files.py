"""The query files: one per label, one template for every relationship pattern, documented
headers, syntax both engines run, and no Cypher anywhere else."""

import ast
import re
from pathlib import Path

import pytest

import cypher
from cypher import ENGINES, load_query, query_names, render_query, template_slots
from graph.vocabulary import (
    RELATIONSHIP_PATTERNS,
    Label,
    RelType,
    node_merge_query,
    pattern_slots,
)

CYPHER_DIR = Path(cypher.__file__).parent
PROJECT_DIR = CYPHER_DIR.parent
ALL_FILES = sorted(CYPHER_DIR.rglob("*.cypher"))
TEMPLATE_FILES = sorted((CYPHER_DIR / "templates").glob("*.cypher"))
SHARED_FILES = sorted(CYPHER_DIR.glob("*.cypher")) + TEMPLATE_FILES
FALKORDB_FILES = SHARED_FILES + sorted((CYPHER_DIR / "falkordb").glob("*.cypher"))
PYTHON_FILES = sorted(
    path
    for package in ("extract", "graph", "api")
    for path in (PROJECT_DIR / package).rglob("*.py")
)

# Syntax FalkorDB rejects, so it must stay out of every file FalkorDB runs.
FALKORDB_REJECTS = {
    "elementId()": r"\belementId\s*\(",
    "datetime()": r"\bdatetime\s*\(",
    "duration.between": r"\bduration\.between\b",
    "=~": r"=~",
    "EXISTS { }": r"\bEXISTS\s*\{",
    "COUNT { }": r"\bCOUNT\s*\{",
    "CALL (x) { }": r"\bCALL\s*\(",
    "IN TRANSACTIONS": r"\bIN\s+TRANSACTIONS\b",
    "IF NOT EXISTS": r"\bIF\s+NOT\s+EXISTS\b",
    "APOC": r"\bapoc\.",
}
CYPHER_IN_STRING = re.compile(
    r"\b(?:OPTIONAL MATCH|MATCH|MERGE|CREATE|UNWIND|DETACH DELETE)\s*[($]"
)


def rel(path: Path) -> str:
    return path.relative_to(PROJECT_DIR).as_posix()


def header(path: Path) -> str:
    """The comment lines a query file opens with."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("//"):
            break
        lines.append(line)
    return "\n".join(lines)


def body(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.lstrip().startswith("//"))


def string_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def header_param(path: Path) -> object:
    """A file as a test parameter, named by its path under cypher/."""
    return pytest.param(path, id=rel(path))


# -- one file per label, one template for the relationships ---------------------------------

RELATIONSHIP_TEMPLATES = ["merge_relationships", "copy_relationships"]


@pytest.mark.parametrize("template", RELATIONSHIP_TEMPLATES)
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("rel_type", "start", "end"), RELATIONSHIP_PATTERNS,
    ids=[f"{t.value}-{s.value}-{e.value}" for t, s, e in RELATIONSHIP_PATTERNS],
)
def test_the_relationship_templates_render_every_pattern(
    rel_type: RelType, start: Label, end: Label, engine: str, template: str
) -> None:
    text = render_query(template, engine, pattern_slots(rel_type, start, end))
    assert f"(a:{start.value} " in text
    assert f"(b:{end.value} " in text
    assert f"MERGE (a)-[r:{rel_type.value}]->(b)" in text
    assert "{{" not in text


@pytest.mark.parametrize("template", RELATIONSHIP_TEMPLATES)
def test_template_slots_are_labels_and_types_only(template: str) -> None:
    assert template_slots(template, "falkordb") == {"type", "start", "end"}


@pytest.mark.parametrize("value", ["Person {id: 'x'}) DETACH DELETE (n", "person", "", "A-B"])
def test_a_slot_value_that_is_not_a_label_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="not a label"):
        render_query("merge_relationships", "falkordb",
                     (("type", "MENTIONS"), ("start", value), ("end", "Person")))


def test_a_template_with_a_slot_left_empty_is_refused() -> None:
    with pytest.raises(ValueError, match="needs slots"):
        render_query("merge_relationships", "falkordb", (("type", "MENTIONS"),))


@pytest.mark.parametrize("path", SHARED_FILES, ids=rel)
def test_no_dollar_sign_inside_a_string_literal(path: Path) -> None:
    """Parameters are renamed when statements are combined (graph/falkordb_store.py)."""
    literals = re.findall(r"'[^']*'|\"[^\"]*\"", body(path))
    assert [text for text in literals if "$" in text] == []


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("label", list(Label))
def test_every_label_has_its_node_merge_file(label: Label, engine: str) -> None:
    text = load_query(node_merge_query(label), engine)
    assert f"MERGE (n:{label.value} {{id: row.id}})" in text


@pytest.mark.parametrize("engine", ENGINES)
def test_every_merge_file_belongs_to_a_label(engine: str) -> None:
    expected = {node_merge_query(label) for label in Label}
    merge_files = {name for name in query_names(engine) if name.startswith("merge_")}
    assert merge_files == expected


# -- headers -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [header_param(path) for path in ALL_FILES])
def test_file_header_names_parameters_and_returns(path: Path) -> None:
    text = header(path)
    assert "Parameters:" in text
    assert "Returns:" in text


@pytest.mark.parametrize("path", ALL_FILES, ids=rel)
def test_every_parameter_used_is_named_in_the_header(path: Path) -> None:
    used = set(re.findall(r"\$(\w+)", body(path)))
    named = set(re.findall(r"\$(\w+)", header(path)))
    assert used - named == set()


# -- syntax both engines accept ------------------------------------------------------------


@pytest.mark.parametrize("path", FALKORDB_FILES, ids=rel)
def test_files_falkordb_runs_avoid_syntax_it_rejects(path: Path) -> None:
    text = body(path)
    rejected = [name for name, pattern in FALKORDB_REJECTS.items()
                if re.search(pattern, text, re.IGNORECASE)]
    assert rejected == []


@pytest.mark.parametrize("path", SHARED_FILES, ids=rel)
def test_shared_files_avoid_exists_function_neo4j_rejects(path: Path) -> None:
    assert not re.search(r"\bexists\s*\(", body(path), re.IGNORECASE)


@pytest.mark.parametrize("path", SHARED_FILES, ids=rel)
def test_shared_file_holds_one_statement(path: Path) -> None:
    assert ";" not in body(path).rstrip().rstrip(";")


# -- no Cypher outside cypher/ -------------------------------------------------------------


@pytest.mark.parametrize("path", PYTHON_FILES, ids=rel)
def test_python_string_literals_hold_no_cypher(path: Path) -> None:
    found = [(line, CYPHER_IN_STRING.search(value).group(0))
             for line, value in string_literals(path) if CYPHER_IN_STRING.search(value)]
    assert found == []


# -- loading -------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_load_query_raises_file_not_found_for_an_unknown_name(engine: str) -> None:
    with pytest.raises(FileNotFoundError):
        load_query("list_treaties_by_moon_phase", engine)


def test_load_query_raises_value_error_for_an_unknown_engine() -> None:
    with pytest.raises(ValueError):
        load_query("list_countries", "sqlite")


@pytest.mark.parametrize("engine", ENGINES)
def test_load_query_strips_comment_lines(engine: str) -> None:
    for name in query_names(engine):
        text = load_query(name, engine)
        assert text
        assert not any(line.lstrip().startswith("//") for line in text.splitlines()), name


def test_load_query_returns_the_file_without_its_header() -> None:
    path = CYPHER_DIR / "list_countries.cypher"
    assert header(path)
    assert load_query("list_countries", "falkordb") == body(path).strip()


@pytest.mark.parametrize(("engine", "marker"), [("neo4j", "REQUIRE"), ("falkordb", "CREATE INDEX")])
def test_engine_file_replaces_the_shared_one(engine: str, marker: str) -> None:
    assert marker in load_query("schema", engine)


def test_neo4j_schema_is_not_given_to_falkordb() -> None:
    assert "CONSTRAINT" not in load_query("schema", "falkordb")
