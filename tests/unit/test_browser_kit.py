"""The Neo4j Browser kit: a style rule for every label and relationship type that Browser
reads as meant, and a guide that holds every query of cypher/browser/ exactly once, with
its :param lines, in HTML that parses."""

import re
import threading
import urllib.request
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

import api.browser_kit as kit
from api.browser_kit import (
    GUIDE_FILE,
    STYLE_FILE,
    GuideTemplateError,
    guide_queries,
    kit_server,
    read_grass,
    render_guide,
    style_sheet,
    write_browser_kit,
)
from cypher import load_query, query_names
from graph.vocabulary import Label, RelType, node_merge_query

RULES = read_grass(style_sheet())
QUERIES = guide_queries()
VOID_TAGS = {"meta", "br", "hr", "img", "input", "link"}


class _Guide(HTMLParser):
    """The parts of the guide Browser uses: slides, runnable blocks (and the query block
    each sits in), the title; and whether every tag is closed in order."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.unbalanced: list[str] = []
        self.slides = 0
        self.title = ""
        self.runnable: list[tuple[str | None, str]] = []  # (query block, text)
        self._query: str | None = None
        self._query_depth = 0
        self._pre: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in VOID_TAGS:
            return
        self.open.append(tag)
        if tag == "slide":
            self.slides += 1
            assert self.open[-4:-1] == ["body", "article", "carousel"]
        if tag == "div" and "data-query" in attributes:
            self._query, self._query_depth = attributes["data-query"], len(self.open)
        if tag == "pre" and "runnable" in (attributes.get("class") or "").split():
            self._pre = []

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.unbalanced.append(tag)
            return
        self.open.pop()
        if tag == "pre" and self._pre is not None:
            self.runnable.append((self._query, "".join(self._pre).strip()))
            self._pre = None
        if tag == "div" and len(self.open) < self._query_depth:
            self._query, self._query_depth = None, 0

    def handle_data(self, data):
        if self._pre is not None:
            self._pre.append(data)
        if self.open[-1:] == ["title"]:
            self.title += data


@pytest.fixture(scope="module")
def guide() -> _Guide:
    parsed = _Guide()
    parsed.feed(render_guide())
    parsed.close()
    return parsed


# -- the writer -------------------------------------------------------------------------------


def test_the_writer_writes_the_style_sheet_and_the_guide_into_a_new_folder(tmp_path: Path):
    folder = tmp_path / "kit" / "inner"
    written = write_browser_kit(folder)
    assert written == [folder / STYLE_FILE, folder / GUIDE_FILE]
    assert (folder / STYLE_FILE).read_text(encoding="utf-8") == style_sheet()
    assert (folder / GUIDE_FILE).read_text(encoding="utf-8") == render_guide()


def test_writing_again_replaces_the_files(tmp_path: Path):
    (tmp_path / GUIDE_FILE).write_text("stale", encoding="utf-8")
    write_browser_kit(tmp_path)
    assert (tmp_path / GUIDE_FILE).read_text(encoding="utf-8") == render_guide()


# -- the style sheet --------------------------------------------------------------------------


@pytest.mark.parametrize("label", list(Label))
def test_every_label_has_a_colour_a_size_and_a_caption(label: Label):
    rule = RULES[f"node.{label.value}"]
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", rule["color"])
    assert re.fullmatch(r"\d+px", rule["diameter"])
    assert re.fullmatch(r"\{\w+\}", rule["caption"])


@pytest.mark.parametrize("label", list(Label))
def test_a_caption_names_a_property_the_label_is_written_with(label: Label):
    prop = RULES[f"node.{label.value}"]["caption"].strip("{}")
    assert f"n.{prop} =" in load_query(node_merge_query(label), "neo4j")


def test_no_two_labels_share_a_colour():
    colours = Counter(RULES[f"node.{label.value}"]["color"].upper() for label in Label)
    assert colours.most_common(1)[0][1] == 1


@pytest.mark.parametrize("rel_type", list(RelType))
def test_every_relationship_type_has_a_colour_and_its_type_as_caption(rel_type: RelType):
    rule = RULES[f"relationship.{rel_type.value}"]
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", rule["color"])
    assert rule["caption"] == "<type>"


def test_the_style_sheet_holds_only_rules_for_the_vocabulary():
    expected = {"node", "relationship"} | {f"node.{label.value}" for label in Label} | {
        f"relationship.{rel_type.value}" for rel_type in RelType}
    assert set(RULES) == expected


def test_every_declaration_survives_browsers_reading():
    """Browser drops a declaration whose value holds a ':' and has no comment syntax."""
    declared = len(re.findall(r";", style_sheet()))
    assert declared == sum(len(rule) for rule in RULES.values())


def test_read_grass_reads_as_browser_does():
    rules = read_grass("node.A {\n  caption: '{name}';\n  color: #FFF;\n  url: http://x;\n}\n"
                       "/* note */ node.B { color: #000; }")
    assert rules["node.A"] == {"caption": "{name}", "color": "#FFF"}
    assert "/*note*/node.B" in rules


# -- the guide --------------------------------------------------------------------------------


def test_the_guide_parses_with_every_tag_closed_and_a_title(guide: _Guide):
    assert guide.unbalanced == [] and guide.open == []
    assert guide.title == "Diplomatic-event knowledge graph"
    assert guide.slides >= 8


def test_the_guide_holds_every_query_file_exactly_once(guide: _Guide):
    cypher = [text for _, text in guide.runnable if not text.startswith(":")]
    expected = [load_query(name, "neo4j") for name in query_names("neo4j", folder="browser")]
    assert sorted(cypher) == sorted(expected)


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_every_parameter_has_an_example_param_line(query):
    assert sorted(query.examples) == query.parameters


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_a_query_block_holds_its_param_lines_then_the_query(guide: _Guide, query):
    block = [text for name, text in guide.runnable if name == query.name]
    assert block == [query.examples[p] for p in query.parameters] + [query.text]


def test_param_lines_are_browser_commands(guide: _Guide):
    commands = [text for _, text in guide.runnable if text.startswith(":")]
    assert commands and all(re.fullmatch(r":param \w+ => '[^']+'", c) for c in commands)


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_every_query_says_what_it_shows(query):
    assert len(query.description) > 40


def test_the_legend_shows_every_label_in_its_colour():
    text = render_guide()
    for label in Label:
        assert (f"background-color: {RULES[f'node.{label.value}']['color']};" in text
                and f">{label.value}</span>" in text)


def test_a_template_naming_an_unknown_query_is_refused(monkeypatch):
    monkeypatch.setattr(kit, "_data", lambda name: "<!-- query: list_treaties -->")
    with pytest.raises(GuideTemplateError, match="list_treaties"):
        render_guide()


def test_a_template_leaving_a_query_out_is_refused(monkeypatch):
    monkeypatch.setattr(kit, "_data", lambda name: "<!-- query: find_nodes_by_name -->" * 2)
    with pytest.raises(GuideTemplateError, match="list_events_by_country"):
        render_guide()


# -- serving it to Browser --------------------------------------------------------------------


@pytest.fixture
def served(tmp_path: Path):
    write_browser_kit(tmp_path)
    server = kit_server(tmp_path, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_kit_server_answers_browsers_preflight(served: str):
    request = urllib.request.Request(f"{served}/{GUIDE_FILE}", method="OPTIONS", headers={
        "Origin": "http://localhost:7474", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "pragma,cache-control"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 204
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert response.headers["Access-Control-Allow-Headers"] == "pragma,cache-control"


def test_the_kit_server_serves_the_files_to_another_origin(served: str):
    request = urllib.request.Request(f"{served}/{STYLE_FILE}",
                                     headers={"Origin": "http://localhost:7474"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert response.read().decode("utf-8") == style_sheet()
