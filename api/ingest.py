"""The ingest service: files or posted articles -> extraction -> resolution -> the store.

    report = ingest_paths(paths, store=store, nlp=nlp)

Every article fed in either reaches the graph or is reported with the reason it did not.
"""

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from pydantic import BaseModel, Field
from spacy.language import Language

from extract.countries import CountryIndex
from extract.models import Article, ArticleExtraction, ReadFailure
from extract.pipeline import extract_articles
from extract.reading import read_articles
from graph.entity_resolution import Curation, EntityRecord
from graph.event_resolution import EventRecord
from graph.model import GraphBatch
from graph.resolver import KnownNames, entity_lookup_keys, event_lookup_keys, resolve
from graph.store import GraphStore
from graph.vocabulary import Label

logger = logging.getLogger(__name__)

CHUNK_SIZE = 64

# Called with (records done so far, records in all): articles and unreadable inputs alike.
ProgressCallback = Callable[[int, int], None]


class IngestReport(BaseModel):
    """What one ingest did."""

    articles_ingested: int = Field(0, description="Articles (and listing items) in the graph.")
    events: int = 0
    skipped: list[ReadFailure] = Field(default_factory=list)
    nodes_created: int = 0
    relationships_created: int = 0
    seconds: float = 0.0
    created: list[str] = Field(default_factory=list,
                               description="Ids of the nodes added (when asked to track them).")
    touched: list[str] = Field(default_factory=list,
                               description="Ids of the nodes that were there and gained facts.")


def ingest_paths(
    paths: Iterable[Path], *, store: GraphStore, nlp: Language,
    on_progress: ProgressCallback | None = None, curation: Curation | None = None,
) -> IngestReport:
    """Read files and folders, and ingest every readable article."""
    report = IngestReport()
    started = time.perf_counter()
    # Reading is cheap next to extraction; reading everything first gives the progress bar
    # its total.
    records = list(read_articles(paths))
    articles = []
    for record in records:
        if isinstance(record, ReadFailure):
            logger.info("skipped %s: %s", record.path, record.reason)
            report.skipped.append(record)
        else:
            articles.append(record)
    progress = None
    if on_progress is not None:
        on_progress(len(report.skipped), len(records))
        progress = _Counter(on_progress, start=len(report.skipped), total=len(records))
    _ingest(iter(articles), store=store, nlp=nlp, report=report, on_progress=progress,
            curation=curation)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


class _Counter:
    """Turns "n more done" into (done, total) calls."""

    def __init__(self, callback: ProgressCallback, *, start: int, total: int) -> None:
        self.callback, self.done, self.total = callback, start, total

    def __call__(self, n: int) -> None:
        self.done += n
        self.callback(self.done, self.total)


def ingest_articles(
    articles: Iterable[Article], *, store: GraphStore, nlp: Language,
    curation: Curation | None = None, track_nodes: bool = False,
) -> IngestReport:
    """Ingest articles already in memory (a POST, a test); with `track_nodes`, the report
    lists the ids of the nodes created and of those that were there and gained facts."""
    report = IngestReport()
    started = time.perf_counter()
    _ingest(iter(articles), store=store, nlp=nlp, report=report, on_progress=None,
            curation=curation, track_nodes=track_nodes)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _ingest(
    articles: Iterator[Article], *, store: GraphStore, nlp: Language, report: IngestReport,
    on_progress: Callable[[int], None] | None, curation: Curation | None,
    track_nodes: bool = False,
) -> None:
    wrote = False
    while chunk := list(islice(articles, CHUNK_SIZE)):
        extractions = _extract_chunk(chunk, nlp=nlp, report=report)
        if extractions:
            batch = _resolve(extractions, store=store, curation=curation)
            if track_nodes:
                ids = [node.id for node in batch.nodes]
                existing = {row["id"] for row in store.query("get_nodes_by_id", ids=ids)}
                report.created += [i for i in ids if i not in existing]
                report.touched += [i for i in ids if i in existing]
            summary = store.write(batch)
            wrote = True
            report.nodes_created += summary.nodes_created
            report.relationships_created += summary.relationships_created
            report.articles_ingested += len(extractions)
            report.events += sum(len(x.events) for x in extractions)
        if on_progress:
            on_progress(len(chunk))
    if wrote:
        store.after_ingest()


def re_resolve(*, store: GraphStore, curation: Curation | None = None) -> IngestReport:
    """Resolve everything again from the extractions the articles were stored with: drop
    every resolved node and rebuild them in one global pass (after editing the curation
    file, or after the resolver changed). The result depends only on the stored articles."""
    started = time.perf_counter()
    extractions = []
    skip = 0
    while rows := store.query("list_article_extractions", skip=skip, limit=1000):
        extractions += [ArticleExtraction.model_validate_json(r["extraction"]) for r in rows]
        skip += len(rows)
    store.execute("delete_resolved_nodes")
    report = IngestReport(articles_ingested=len(extractions),
                          events=sum(len(x.events) for x in extractions))
    if extractions:
        summary = store.write(_resolve(extractions, store=store, curation=curation))
        report.nodes_created, report.relationships_created = (summary.nodes_created,
                                                             summary.relationships_created)
        store.after_ingest()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _extract_chunk(
    chunk: list[Article], *, nlp: Language, report: IngestReport
) -> list[ArticleExtraction]:
    """Extract a chunk in one pass; if anything fails, article by article, so one bad
    article is reported and the others still go in."""
    try:
        return list(extract_articles(chunk, nlp=nlp))
    except Exception:
        logger.exception("extraction failed for a chunk; retrying article by article")
    extractions = []
    for article in chunk:
        try:
            extractions.extend(extract_articles([article], nlp=nlp))
        except Exception as e:
            report.skipped.append(ReadFailure(path=article.path or article.id,
                                              reason=f"extraction failed: {e}"))
    return extractions


def _resolve(extractions: list[ArticleExtraction], *, store: GraphStore,
             curation: Curation | None) -> GraphBatch:
    """The batch that adds `extractions` to what the store holds."""
    keys = entity_lookup_keys(extractions)
    stored_entities = [
        EntityRecord(key=row["id"], label=label, name=row["name"],
                     aliases=tuple(row["aliases"] or []), country=row["country"],
                     articles=frozenset(row["articles"]), stored=True)
        for label, query in ((Label.ORGANIZATION, "find_organizations_by_block_keys"),
                             (Label.PERSON, "find_persons_by_block_keys"))
        for row in store.query(query, keys=keys[label])
    ]
    stored_events = [
        EventRecord(key=row["id"], name=row["name"], type=row["type"], date=row["date"],
                    articles=frozenset(row["articles"]), place_country=row["place_country"],
                    stored=True)
        for row in store.query("find_events_by_keys", keys=event_lookup_keys(extractions))
    ]
    return resolve(extractions, known=KnownNames(), country_name=CountryIndex.default().name_of,
                   stored_events=stored_events, stored_entities=stored_entities,
                   curation=curation)
