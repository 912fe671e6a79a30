"""Every query Neo4j runs, checked by Neo4j's own Cypher checker (the npm package
`@neo4j-cypher/language-support`, pinned in tests/cypher_lint/package.json and installed
there by the first run): no syntax error, no undefined variable, no syntax Neo4j 5 removed,
no deprecation. Each file's parameters are declared from its header, so an undeclared
`$param` is an error too. The queries of the Neo4j Browser guide (cypher/browser/ and
cypher/neo4j/browser/) are checked the same way. FalkorDB-only files (cypher/falkordb/) are
not Neo4j's to judge."""

import json
import subprocess
from pathlib import Path

import pytest

from cypher import declared_parameters, load_query, query_names, render_query
from graph.vocabulary import RELATIONSHIP_PATTERNS, pattern_slots
from tests.conftest import ROOT
from tests.node_tools import node_with_packages

LINT_DIR = ROOT / "tests" / "cypher_lint"
NAMES = query_names("neo4j") + query_names("neo4j", folder="browser")
TEMPLATES = ("merge_relationships", "copy_relationships")
# The relationship templates, rendered for every pattern of the vocabulary.
RENDERED = {f"templates/{template}:{t.value}:{s.value}:{e.value}":
            render_query(template, "neo4j", pattern_slots(t, s, e))
            for template in TEMPLATES for t, s, e in RELATIONSHIP_PATTERNS}


def _install_linter() -> Path:
    return node_with_packages(LINT_DIR, "@neo4j-cypher/language-support")


@pytest.fixture(scope="module")
def lint_results() -> dict[str, list[dict]]:
    node = _install_linter()
    queries = [{"name": name, "text": load_query(name, "neo4j"),
                "parameters": declared_parameters(name, "neo4j")}
               for name in NAMES]
    queries += [{"name": name, "text": text,
                 "parameters": declared_parameters(name.split(":")[0], "neo4j")}
                for name, text in RENDERED.items()]
    statements = []
    for query in queries:  # schema files hold one statement per line
        lines = query["text"].splitlines() if query["name"] == "schema" else [query["text"]]
        statements += [{**query, "text": line} for line in lines]
    done = subprocess.run([str(node), "lint.mjs"], cwd=LINT_DIR, input=json.dumps(statements),
                          capture_output=True, text=True, check=True, timeout=300)
    results: dict[str, list[dict]] = {}
    for result in json.loads(done.stdout):
        results.setdefault(result["name"], []).extend(result["diagnostics"])
    return results


def test_the_checker_finds_what_it_should(lint_results):
    """The checker is live: a removed Neo4j 4 form and an undeclared parameter are caught."""
    node = _install_linter()
    probe = [{"name": "probe", "parameters": [],
              "text": "MATCH (n:Event) WHERE exists(n.date) RETURN n LIMIT $limit"}]
    done = subprocess.run([str(node), "lint.mjs"], cwd=LINT_DIR, input=json.dumps(probe),
                          capture_output=True, text=True, check=True, timeout=120)
    messages = " ".join(d["message"] for d in json.loads(done.stdout)[0]["diagnostics"])
    assert "exists" in messages and "limit" in messages


@pytest.mark.parametrize("name", NAMES + sorted(RENDERED))
def test_neo4j_accepts_the_query(lint_results, name):
    problems = [f"{d['severity']} at {d['line']}:{d['character']}: {d['message']}"
                for d in lint_results[name]]
    assert problems == [], f"{name}.cypher:\n" + "\n".join(problems)
