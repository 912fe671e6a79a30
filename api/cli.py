"""The `dkg` command line."""

import json
import logging
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from api.ingest import IngestReport, ingest_paths
from api.settings import Settings, open_store
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
def _store() -> Iterator[GraphStore]:
    try:
        store = open_store(Settings())
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
        return load_nlp()
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


def _run_ingest(paths: list[Path], store: GraphStore) -> IngestReport:
    nlp = _load_nlp()
    curation = _curation()
    if not err.is_terminal:
        return ingest_paths(paths, store=store, nlp=nlp, curation=curation)
    with Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("ingest", total=None)
        report = ingest_paths(
            paths, store=store, nlp=nlp, curation=curation,
            on_progress=lambda done, total: progress.update(task, completed=done, total=total),
        )
    return report


def _print_report(report: IngestReport, store: GraphStore) -> None:
    out.print(f"ingested {report.articles_ingested} articles ({report.events} events) "
              f"in {report.seconds:.2f} s; skipped {len(report.skipped)}")
    for failure in report.skipped:
        out.print(f"  skipped {failure.path}: {failure.reason}")
    out.print(f"created {report.nodes_created} nodes and {report.relationships_created} "
              "relationships")
    _print_counts(store)


def _print_counts(store: GraphStore) -> None:
    counts = store.counts()
    for kind in ("nodes", "relationships"):
        items = counts[kind]
        detail = ", ".join(f"{k} {v}" for k, v in sorted(items.items()))
        out.print(f"graph {kind}: {sum(items.values())} ({detail})")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt .html .json .jsonl)")]
) -> None:
    """Read articles and add what they report to the graph."""
    with _store() as store:
        report = _run_ingest(paths, store)
        _print_report(report, store)


@app.command()
def resolve() -> None:
    """Resolve the whole graph again from its articles (after editing the curation file)."""
    from api.ingest import re_resolve

    with _store() as store:
        report = re_resolve(store=store, curation=_curation())
        out.print(f"re-resolved {report.articles_ingested} articles ({report.events} events) in "
                  f"{report.seconds:.2f} s")
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
    with _store() as store:
        nodes, relationships = store.iter_export()
        document = {
            "nodes": [
                {"id": n["id"], "labels": n["labels"], "properties": _jsonable(n["properties"])}
                for n in nodes
            ],
            "relationships": [
                {"type": r["type"], "start": r["start"], "end": r["end"],
                 "properties": _jsonable(r["properties"])}
                for r in relationships
            ],
        }
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


def _jsonable(properties: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in properties.items()}


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
    _print_urls(host, port)
    app = create_app(settings, store=store, writes_enabled=writes_enabled)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _print_urls(host: str, port: int) -> None:
    base = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
    out.print(f"serving on {base}  (Ctrl-C to stop); try:")
    for path in ("/health", "/events?country=Kazakhstan", "/events?country=KAZ&country=CHN"
                 "&match=all", "/search?q=Tokaev", "/countries/KAZ/partners",
                 "/graph/neighborhood/KAZ?depth=2", "/timeline?country=KAZ", "/docs"):
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
