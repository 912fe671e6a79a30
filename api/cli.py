"""The `dkg` command line."""

import json
import logging
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from api.ingest import Extractor, IngestReport, ingest
from api.parallel_extraction import ParallelExtractor
from api.settings import Settings, open_embedded_store, open_neo4j_store, open_store
from extract.reading import read_articles
from graph.copy import CopyProgress, CopyReport, copy_graph
from graph.errors import GraphError
from graph.store import GraphStore

app = typer.Typer(help="Diplomatic-event knowledge graph: ingest news, query the graph.",
                  no_args_is_help=True, add_completion=False)
# Wide enough for the eval tables when output goes to a file or a pipe.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 140)
err = Console(stderr=True, soft_wrap=True)


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log details.")] = False
         ) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    # A plain `kill` must still stop the embedded server cleanly: turn it into SystemExit.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


@contextmanager
def _store(opener: Callable[[Settings], GraphStore] = open_store) -> Iterator[GraphStore]:
    try:
        store = opener(Settings())
    except GraphError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from e
    try:
        yield store
    finally:
        store.close()


def _load_nlp():
    from extract.errors import ModelMissing
    from extract.pipeline import load_nlp

    try:
        return load_nlp(Settings().spacy_model)
    except ModelMissing as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from e


def _curation():
    from api.curation import CurationError, load_curation

    try:
        return load_curation(Settings().curation_path())
    except CurationError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from e


# Processes extracting at once, by default: one per core (a small ingest uses one only).
CORES = os.cpu_count() or 1


def _run_ingest(paths: list[Path], store: GraphStore, *, workers: int = CORES) -> IngestReport:
    settings = Settings()
    nlp = _load_nlp()
    options = {"curation": _curation(), "max_article_chars": settings.max_article_chars}
    try:
        with ParallelExtractor(settings.spacy_model, workers=workers,
                               fallback=Extractor(nlp)) as extract:
            if not err.is_terminal:
                return ingest(read_articles(paths), store=store, extract=extract, **options)
            with Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                          console=err, transient=True) as progress:
                task = progress.add_task("ingest", total=None)
                return ingest(
                    read_articles(paths), store=store, extract=extract, **options,
                    on_progress=lambda done, total: progress.update(task, completed=done,
                                                                    total=total))
    except GraphError as e:
        err.print(f"[red]error:[/red] {e}")
        err.print("articles written before this are in the graph whole; run the same "
                  "command again to add the rest")
        raise typer.Exit(2) from e


def _print_report(report: IngestReport, store: GraphStore) -> None:
    out.print(f"ingested {report.articles_ingested} articles ({report.events} events) "
              f"in {report.seconds:.2f} s; {report.articles_known} already in the graph; "
              f"skipped {len(report.skipped)}")
    for failure in report.skipped:
        out.print(f"  skipped {failure.path}: {failure.reason}", markup=False,
                  highlight=False)
    out.print(f"created {report.nodes_created} nodes and {report.relationships_created} "
              "relationships")
    _print_counts(store)


def _print_counts(store: GraphStore) -> None:
    counts = store.counts()
    for kind in ("nodes", "relationships"):
        items = counts[kind]
        detail = ", ".join(f"{k} {v}" for k, v in sorted(items.items()))
        out.print(f"graph {kind}: {sum(items.values())} ({detail})")


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt .html .json .jsonl)")],
    workers: Annotated[int, typer.Option(
        "--workers", min=1, help="processes extracting at once (default: the cores); a "
        "small ingest uses this one only")] = CORES,
) -> None:
    """Read articles and add what they report to the graph (exit 1 when nothing could be
    read, 2 when a path does not exist)."""
    missing = [path for path in paths if not os.path.lexists(path)]
    with _store() as store:
        report = _run_ingest(paths, store, workers=workers)
        _print_report(report, store)
    if missing:
        err.print("[red]error:[/red] no such file or folder: "
                  + ", ".join(str(path) for path in missing), markup=True)
        raise typer.Exit(2)
    if report.skipped and not (report.articles_ingested or report.articles_known):
        raise typer.Exit(1)


@app.command()
def resolve() -> None:
    """Resolve the whole graph again from its articles (after editing the curation file)."""
    from api.ingest import re_resolve

    with _store() as store:
        try:
            report = re_resolve(store=store, curation=_curation())
        except GraphError as e:
            err.print(f"[red]error:[/red] {e}")
            err.print("the graph is whole (each chunk of articles is re-resolved at once); run "
                      "dkg resolve again to finish")
            raise typer.Exit(2) from e
        out.print(f"re-resolved {report.articles_ingested} articles in {report.seconds:.2f} s")
        _print_counts(store)


@app.command()
def stats() -> None:
    """Node and relationship counts."""
    with _store() as store:
        _print_counts(store)


@app.command()
def export(
    format: Annotated[str, typer.Option(
        "--format", help="json, or neo4j-admin (CSV files for neo4j-admin database import)")
    ] = "json",
    out_file: Annotated[Path | None, typer.Option(
        "--out", help="File (json, default stdout) or folder (neo4j-admin)")] = None,
) -> None:
    """Write the whole graph: {"nodes": [...], "relationships": [...]} as JSON, or the CSV
    files and command for a bulk load into Neo4j."""
    if format == "neo4j-admin":
        _export_neo4j_admin(out_file)
        return
    if format != "json":
        err.print(f"[red]error:[/red] unknown format {format!r}; available: json, neo4j-admin")
        raise typer.Exit(2)
    from api.export import export_document

    with _store() as store:
        document = export_document(store)
    text = json.dumps(document, ensure_ascii=False, indent=2)
    if out_file is None:
        sys.stdout.write(text + "\n")
    else:
        out_file.write_text(text + "\n", encoding="utf-8")
        err.print(f"wrote {len(document['nodes'])} nodes and "
                  f"{len(document['relationships'])} relationships to {out_file}")


def _export_neo4j_admin(folder: Path | None) -> None:
    from api.neo4j_admin import write_import_files

    if folder is None:
        err.print("[red]error:[/red] --format neo4j-admin writes a folder of CSV files: "
                  "give it with --out DIR")
        raise typer.Exit(2)
    with _store() as store:
        files = write_import_files(store, folder)
    out.print(f"wrote {files.nodes} nodes and {files.relationships} relationships to "
              f"{folder}; load them into a new database with:")
    out.print(files.command(), markup=False, highlight=False)
    out.print("then run `dkg neo4j init` on the new database for its constraints and indexes.",
              markup=False)


@app.command()
def push(
    to: Annotated[str, typer.Option(
        "--to", help="Where to: neo4j (the database DKG_NEO4J_URI names).")],
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, help="Nodes or relationships per write statement.")] = 1000,
) -> None:
    """Copy the embedded graph into a Neo4j database, in batches (MERGE by id: running it
    again changes nothing, and brings changed nodes up to date; nothing is deleted)."""
    if to != "neo4j":
        err.print(f"[red]error:[/red] unknown target {to!r}; available: neo4j")
        raise typer.Exit(2)
    settings = Settings()
    if not settings.neo4j_uri:
        err.print("[red]error:[/red] DKG_NEO4J_URI is not set: point it at the Neo4j server "
                  "to push to (bolt://host:7687, neo4j://host:7687, neo4j+s://... for Aura)")
        raise typer.Exit(2)
    # The target first: an unreachable server is reported before the embedded one starts.
    with _store(open_neo4j_store) as target, _store(open_embedded_store) as source:
        out.print(f"pushing the embedded graph in {settings.data_dir} to "
                  f"{settings.neo4j_uri} in batches of {batch_size}", markup=False)
        try:
            report = _run_copy(source, target, batch_size)
        except GraphError as e:
            err.print(f"[red]error:[/red] {e}")
            raise typer.Exit(1) from e
    if report.nodes == 0:
        err.print(f"[yellow]warning:[/yellow] the embedded graph in {settings.data_dir} is "
                  "empty: ingest articles first (dkg ingest, dkg demo --no-serve)")
    out.print(f"pushed {report.nodes} nodes and {report.relationships} relationships "
              f"({report.nodes_created} nodes and {report.relationships_created} relationships "
              f"new) in {report.batches} batches, {report.seconds:.2f} s")


def _run_copy(source: GraphStore, target: GraphStore, batch_size: int) -> CopyReport:
    """copy_graph with progress on stderr: a bar on a terminal, else a line every tenth."""
    if not err.is_terminal:
        printed = [-1]

        def print_tenths(p: CopyProgress) -> None:
            done = p.nodes + p.relationships
            tenth = 10 * done // max(1, p.nodes_total + p.relationships_total)
            if tenth > printed[0]:
                printed[0] = tenth
                err.print(f"  {p.nodes}/{p.nodes_total} nodes, "
                          f"{p.relationships}/{p.relationships_total} relationships")

        return copy_graph(source, target, batch_size=batch_size, on_progress=print_tenths)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=err, transient=True) as progress:
        nodes = progress.add_task("nodes", total=None)
        relationships = progress.add_task("relationships", total=None)

        def show(p: CopyProgress) -> None:
            progress.update(nodes, completed=p.nodes, total=p.nodes_total)
            progress.update(relationships, completed=p.relationships,
                            total=p.relationships_total)

        return copy_graph(source, target, batch_size=batch_size, on_progress=show)


neo4j_app = typer.Typer(help="Neo4j administration.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")


@neo4j_app.command("init")
def neo4j_init() -> None:
    """Create the constraints and indexes in the Neo4j database DKG_NEO4J_URI names (safe to
    run again; the API and every command also do it on start)."""
    if not Settings().neo4j_uri:
        err.print("[red]error:[/red] DKG_NEO4J_URI is not set: point it at the Neo4j server "
                  "(bolt://host:7687, neo4j://host:7687, neo4j+s://... for Aura)")
        raise typer.Exit(2)
    with _store() as store:
        counts = store.counts()
    out.print(f"schema applied; the database holds {sum(counts['nodes'].values())} nodes")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Serve the REST API (OpenAPI docs at /docs)."""
    with _store() as store:
        _serve(store, host, port)


def _serve(store: GraphStore, host: str, port: int) -> None:
    """Serve the API over `store`; the write endpoints stay closed on a non-loopback
    address unless DKG_API_KEY is set."""
    import uvicorn

    from api.app import create_app

    settings = Settings()
    writes_enabled = bool(settings.api_key) or _is_loopback(host)
    if not writes_enabled:
        err.print(f"[yellow]warning:[/yellow] {host} is not a loopback address and "
                  "DKG_API_KEY is not set: POST and DELETE /articles are closed (403)")
    app = create_app(settings, store=store, writes_enabled=writes_enabled, listen_host=host)
    _check_port(host, port)
    _print_urls(host, port)
    # A request still extracting when SIGTERM comes does not hold the exit up for long.
    uvicorn.run(app, host=host, port=port, log_level="warning",
                timeout_graceful_shutdown=SHUTDOWN_GRACE_S)


SHUTDOWN_GRACE_S = 3


def _check_port(host: str, port: int) -> None:
    """Fail before printing URLs when the port is taken (they would lead elsewhere)."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as e:
            err.print(f"[red]error:[/red] cannot listen on {host}:{port} ({e.strerror}); "
                      "another server may be using it: choose another with --port")
            raise typer.Exit(2) from e


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# What `dkg serve` and `dkg demo` suggest trying; each answers with data on the demo's
# samples (tests/e2e/test_explore_browser.py checks).
URLS_TO_TRY = (
    "/explore?q=Kazakhstan", "/events?country=Kazakhstan",
    "/events?country=KAZ&country=CHN&match=all", "/search?q=Tokbergenow",
    "/countries/KAZ/partners", "/graph/neighborhood/KAZ?depth=2", "/timeline?country=KAZ",
    "/stats", "/docs",
)


def _print_urls(host: str, port: int) -> None:
    base = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
    out.print(f"serving on {base}  (Ctrl-C to stop); try:")
    for path in URLS_TO_TRY:
        out.print(f"  {base}{path}")


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Ingest only.")] = False,
) -> None:
    """Ingest the bundled sample articles and serve the API."""
    samples = resources.files("api") / "samples"
    with resources.as_file(samples) as folder, _store() as store:
        started = time.perf_counter()
        report = _run_ingest([Path(folder)], store)
        _print_report(report, store)
        out.print(f"demo data ready in {time.perf_counter() - started:.1f} s")
        if no_serve:
            return
        _serve(store, host, port)


@app.command("browser-kit")
def browser_kit(
    folder: Annotated[Path, typer.Argument(help="Folder to write the kit into.")
                      ] = Path("dkg-browser-kit"),
    serve: Annotated[bool, typer.Option(
        "--serve", help="Then serve the folder to Neo4j Browser on localhost (Ctrl-C stops).")
    ] = False,
    port: Annotated[int, typer.Option(help="TCP port for --serve.")] = 8001,
) -> None:
    """Write the Neo4j Browser kit: a style sheet (.grass) and a guide of runnable queries."""
    from api.browser_kit import GUIDE_FILE, STYLE_FILE, kit_server, write_browser_kit

    files = write_browser_kit(folder)
    out.print("wrote " + ", ".join(str(path) for path in files), markup=False)
    base = f"http://localhost:{port}"
    if not serve:
        out.print(
            "In Neo4j Browser:\n"
            f"  style:  drag {STYLE_FILE} onto the Browser window (or, with --serve, "
            f"`:style {base}/{STYLE_FILE}`)\n"
            "  guide:  Browser loads guides over http, from hosts its "
            "browser.remote_content_hostname_whitelist names (localhost by default), and "
            f"only with CORS headers: run `dkg browser-kit {folder} --serve`, then "
            f"`:guide {base}/{GUIDE_FILE}`\n"
            "  params: every query of the guide comes with its :param lines, e.g. "
            ":param country => 'KAZ'", markup=False, highlight=False)
        return
    try:
        server = kit_server(folder, port=port)
    except OSError as e:
        err.print(f"[red]error:[/red] cannot serve on port {port}: {e}; choose another with "
                  "--port")
        raise typer.Exit(2) from e
    with server:
        out.print(f"serving {folder} on {base} (Ctrl-C to stop); in Neo4j Browser run:\n"
                  f"  :style {base}/{STYLE_FILE}\n"
                  f"  :guide {base}/{GUIDE_FILE}      (or :play {base}/{GUIDE_FILE})",
                  markup=False, highlight=False)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


@app.command("eval")
def eval_(
    gold_dirs: Annotated[list[Path], typer.Argument(help="Folders of NN.txt + NN.gold.json")],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    speed: Annotated[bool, typer.Option(help="Also time extraction against raw spaCy.")] = True,
) -> None:
    """Score extraction against gold annotations (ingests into a throw-away store)."""
    from api.evaluation.report import print_report
    from api.evaluation.run import evaluate

    try:
        report = evaluate(gold_dirs, nlp=_load_nlp(), measure_speed=speed)
    except FileNotFoundError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from e
    if as_json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        print_report(report, out)


if __name__ == "__main__":
    app()
