"""The Neo4j Browser kit that `dkg browser-kit` writes: a style sheet (GraSS) that gives every
label of the graph its colour, size and caption, and a guide (the HTML slides Browser shows
with `:guide <url>` or `:play <url>`) whose runnable queries are the files of
cypher/browser/, so the guide cannot drift from the queries the tests check.

The guide is rendered from api/neo4j_browser/guide.html: each `<!-- query: NAME -->` comment
becomes the description from the header of cypher/browser/NAME.cypher, a runnable `:param`
line for each `// Example:` line of that header, and the runnable query itself;
`<!-- legend -->` becomes the colour of each label, read from the style sheet.
"""

import html
import re
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

from cypher import declared_parameters, load_query, query_file, query_names
from graph.vocabulary import Label

STYLE_FILE = "dkg-style.grass"
GUIDE_FILE = "dkg-guide.html"
GUIDE_FOLDER = "browser"
DEFAULT_PORT = 8001

_TEMPLATE = "guide.html"
_ENGINE = "neo4j"  # the guide runs in Neo4j Browser
_MARKER = re.compile(r"<!--\s*(?:query:\s*(?P<query>[\w-]+)|(?P<legend>legend))\s*-->")
_EXAMPLE = re.compile(r"^//\s*Example:\s*(?P<line>:param\s+(?P<name>\w+)\s*=>\s*\S.*?)\s*$")


class GuideTemplateError(ValueError):
    """The guide template and the query files of cypher/browser/ do not match."""


@dataclass(frozen=True)
class GuideQuery:
    """One query of the guide, read from its file."""

    name: str  # "browser/<stem>", as load_query and GraphStore.query take it
    text: str  # the Cypher, without the header
    description: str  # the header's lines before "Parameters:"
    parameters: list[str]  # the $parameters the header declares
    examples: dict[str, str]  # parameter -> its ":param name => value" line


def guide_queries() -> list[GuideQuery]:
    """Every query of the guide, by name."""
    return [_guide_query(name) for name in query_names(_ENGINE, folder=GUIDE_FOLDER)]


def _guide_query(name: str) -> GuideQuery:
    header = []
    for line in query_file(name, _ENGINE).read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("//"):
            break
        header.append(line.strip())
    description = []
    for line in header:
        if re.match(r"//\s*(Parameters|Returns|Example):", line):
            break
        description.append(line.removeprefix("//").strip())
    examples = {m["name"]: m["line"] for m in map(_EXAMPLE.match, header) if m}
    return GuideQuery(name=name, text=load_query(name, _ENGINE), description=" ".join(description),
                      parameters=declared_parameters(name, _ENGINE), examples=examples)


def read_grass(text: str) -> dict[str, dict[str, str]]:
    """Rules of a GraSS style sheet as Neo4j Browser reads them (its `parseGrassCSS`):
    selector -> {property: value}. Quotes are dropped; a declaration whose value holds a `:`
    is ignored, as Browser ignores it; there is no comment syntax."""
    rules: dict[str, str] = {}
    keyword, props = "", ""
    inside_string = inside_props = inside_binding = False
    for c in text:
        if c == "{" and not inside_string:
            inside_binding, inside_props = inside_props, True
            continue
        if c == "}" and not inside_string:
            if inside_binding:
                inside_binding = False
            else:
                inside_props = False
                rules[keyword] = props
                keyword, props = "", ""
            continue
        if c in "'\"":
            inside_string = not inside_string
            continue
        if inside_props:
            props += c
        elif not c.isspace():
            keyword += c
    parsed: dict[str, dict[str, str]] = {}
    for selector, body in rules.items():
        declarations = [d.split(":") for d in body.split(";")]
        parsed[selector] = {d[0].strip(): d[1].strip() for d in declarations if len(d) == 2}
    return parsed


def style_sheet() -> str:
    """The GraSS style sheet the kit ships."""
    return _data(STYLE_FILE)


def render_guide() -> str:
    """The guide's HTML: the template with every query of cypher/browser/ placed once."""
    queries = {query.name: query for query in guide_queries()}
    placed: list[str] = []

    def expand(match: re.Match[str]) -> str:
        if match["legend"]:
            return _legend()
        name = f"{GUIDE_FOLDER}/{match['query']}"
        if name not in queries:
            raise GuideTemplateError(f"the guide template names {name!r}, which is not a "
                                     f"query of cypher/{GUIDE_FOLDER}/")
        placed.append(name)
        return _query_block(queries[name])

    text = _MARKER.sub(expand, _data(_TEMPLATE))
    twice = sorted({name for name in placed if placed.count(name) > 1})
    missing = sorted(set(queries) - set(placed))
    if twice or missing:
        raise GuideTemplateError(f"every query of cypher/{GUIDE_FOLDER}/ must appear once in "
                                 f"the guide template: missing {missing}, repeated {twice}")
    return text


def write_browser_kit(folder: Path) -> list[Path]:
    """Write the style sheet and the guide into `folder` (created if need be); returns the
    files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in ((STYLE_FILE, style_sheet()), (GUIDE_FILE, render_guide())):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def kit_server(folder: Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT
               ) -> ThreadingHTTPServer:
    """An HTTP server for the files of `folder` that Neo4j Browser may fetch from another
    origin: Browser loads `:guide`/`:play`/`:style` URLs with a cross-origin request (with
    headers that need a CORS preflight), and only from hosts its allowlist names."""
    return ThreadingHTTPServer((host, port), partial(_KitHandler, directory=str(folder)))


class _KitHandler(SimpleHTTPRequestHandler):
    """Static files plus the CORS answers a cross-origin `fetch` from Browser needs."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                      ".grass": "text/plain; charset=utf-8",
                      ".html": "text/html; charset=utf-8"}

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_OPTIONS(self) -> None:  # noqa: N802 (the name http.server dispatches to)
        self.send_response(204)
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers",
                         self.headers.get("Access-Control-Request-Headers", "*"))
        # A Browser page served over https asks before it reads from a loopback address.
        self.send_header("Access-Control-Allow-Private-Network", "true")
        self.send_header("Access-Control-Max-Age", "600")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass  # the CLI says what is served; a line per request would bury it


def _data(name: str) -> str:
    return (resources.files("api") / "neo4j_browser" / name).read_text(encoding="utf-8")


def _query_block(query: GuideQuery) -> str:
    lines = [f'<div class="dkg-query" data-query="{html.escape(query.name)}">',
             f"<p>{html.escape(query.description, quote=False)}</p>"]
    lines += [f'<pre class="runnable">{html.escape(query.examples[p], quote=False)}</pre>'
              for p in query.parameters if p in query.examples]
    lines += [f'<pre class="pre-scrollable code runnable">'
              f"{html.escape(query.text, quote=False)}</pre>", "</div>"]
    return "\n    ".join(lines)


def _legend() -> str:
    rules = read_grass(style_sheet())
    items = []
    for label in Label:
        rule = rules.get(f"node.{label.value}", {})
        color, text = rule.get("color", "#A5ABB6"), rule.get("text-color-internal", "#FFFFFF")
        items.append(f'<span style="background-color: {color}; color: {text}; '
                     f'border-radius: 10px; padding: 2px 8px; margin-right: 4px;">'
                     f"{label.value}</span>")
    return '<p class="dkg-legend">' + "\n      ".join(items) + "</p>"
