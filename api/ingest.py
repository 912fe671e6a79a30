"""The ingest service: articles in, graph updated, every input accounted for.

    report = ingest(read_articles(paths), store=store, extract=Extractor(nlp))

The command line, `POST /articles` and `dkg eval` all come through `ingest`. Articles the
graph holds already are recognised by id before extraction and left as they are; the
others are extracted a chunk at a time and each chunk goes in as one atomic update
(graph/resolver.py plans it, the store applies it whole or not at all). Every input is
either in the graph entirely or in `report.skipped` with the reason it is not.
"""

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from itertools import islice

from pydantic import BaseModel, Field
from spacy.language import Language

from extract.models import Article, ArticleExtraction, ReadFailure
from extract.pipeline import extract_articles
from extract.reading import read_articles
from graph.entity_resolution import Curation
from graph.errors import QueryFailed
from graph.resolver import GraphUpdate, plan_update
from graph.store import GraphStore

logger = logging.getLogger(__name__)

CHUNK_SIZE = 64
DEFAULT_MAX_ARTICLE_CHARS = 50_000

# Called with (inputs done so far, inputs in all): articles and unreadable inputs alike.
ProgressCallback = Callable[[int, int], None]


class Extractor:
    """Extraction with one loaded spaCy pipeline: `extractor(articles)` gives the
    extractions (a listing page gives one per item)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, articles: Sequence[Article]) -> list[ArticleExtraction]:
        return list(extract_articles(articles, nlp=self.nlp))


Extract = Callable[[Sequence[Article]], list[ArticleExtraction]]


class IngestReport(BaseModel):
    """What one ingest did."""

    articles_ingested: int = Field(0, description="Articles (and listing items) added.")
    articles_known: int = Field(0, description="Articles the graph held already, unchanged.")
    events: int = 0
    skipped: list[ReadFailure] = Field(default_factory=list)
    nodes_created: int = 0
    relationships_created: int = 0
    seconds: float = 0.0
    created: list[str] = Field(default_factory=list,
                               description="Ids of the nodes added (when asked to track them).")
    touched: list[str] = Field(default_factory=list,
                               description="Ids of the nodes that were there and gained facts.")
    known: list[str] = Field(default_factory=list, description="Ids of the known articles.")


def ingest(
    records: Iterable[Article | ReadFailure], *, store: GraphStore, extract: Extract,
    curation: Curation | None = None, on_progress: ProgressCallback | None = None,
    track_nodes: bool = False, max_article_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
) -> IngestReport:
    """Ingest articles (records that could not be read are reported as they are); with
    `track_nodes`, the report lists the nodes created and those that gained facts."""
    started = time.perf_counter()
    report = IngestReport()
    records = list(records)
    done = 0
    if on_progress is not None:
        on_progress(0, len(records))
    articles: list[Article] = []
    for record in records:
        if isinstance(record, ReadFailure):
            logger.info("skipped %s: %s", record.path, record.reason)
            report.skipped.append(record)
            done += 1
        elif len(record.text) > max_article_chars:
            report.skipped.append(ReadFailure(
                path=_where(record), reason=f"article text is {len(record.text)} characters, "
                f"more than the limit of {max_article_chars} (DKG_MAX_ARTICLE_CHARS)"))
            done += 1
        else:
            articles.append(record)
    stream = iter(articles)
    wrote = False
    while chunk := list(islice(stream, CHUNK_SIZE)):
        fresh = _unknown(chunk, store=store, report=report)
        extractions = _extract(fresh, extract=extract, report=report)
        if extractions:
            wrote |= _write(extractions, store=store, curation=curation, report=report,
                            track_nodes=track_nodes)
        done += len(chunk)
        if on_progress is not None:
            on_progress(done, len(records))
    if wrote:
        store.after_ingest()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def ingest_paths(paths: Iterable, *, store: GraphStore, nlp: Language, **options
                 ) -> IngestReport:
    """Read files and folders (extract.reading) and ingest every article in them."""
    return ingest(read_articles(paths), store=store, extract=Extractor(nlp), **options)


def ingest_articles(articles: Iterable[Article], *, store: GraphStore, nlp: Language,
                    **options) -> IngestReport:
    """Ingest articles already in memory (a POST, a test)."""
    return ingest(articles, store=store, extract=Extractor(nlp), **options)


def _where(article: Article) -> str:
    return article.path or article.id


def _unknown(chunk: list[Article], *, store: GraphStore, report: IngestReport
             ) -> list[Article]:
    """The articles of `chunk` the graph does not hold yet (a listing page is known by its
    first item), each once."""
    asked = [i for a in chunk for i in (a.id, f"{a.id}-item-1")]
    known = {row["id"] for row in store.query("get_article_ids", ids=asked)}
    fresh, seen = [], set()
    for article in chunk:
        if article.id in known or f"{article.id}-item-1" in known:
            report.articles_known += 1
            report.known.append(article.id)
        elif article.id in seen:
            report.articles_known += 1  # the same article twice in one run
        else:
            seen.add(article.id)
            fresh.append(article)
    return fresh


def _extract(chunk: list[Article], *, extract: Extract, report: IngestReport
             ) -> list[ArticleExtraction]:
    """Extract a chunk in one pass; if anything fails, article by article, so one bad
    article is reported and the others still go in. Extractions that cannot be stored
    whole are reported too."""
    if not chunk:
        return []
    try:
        extractions = extract(chunk)
    except Exception:
        logger.exception("extraction failed for a chunk; retrying article by article")
        extractions = []
        for article in chunk:
            try:
                extractions.extend(extract([article]))
            except Exception as e:
                report.skipped.append(ReadFailure(path=_where(article),
                                                  reason=f"extraction failed: {e}"))
    storable = []
    for extraction in extractions:
        try:
            extraction.model_dump_json()
        except ValueError as e:
            report.skipped.append(ReadFailure(path=_where(extraction.article),
                                              reason=f"extraction cannot be stored: {e}"))
        else:
            storable.append(extraction)
    return storable


def _write(extractions: list[ArticleExtraction], *, store: GraphStore,
           curation: Curation | None, report: IngestReport, track_nodes: bool) -> bool:
    """Add the extractions in one update; should the store refuse it, one article at a
    time, so that only the article it refuses is lost (and reported)."""
    try:
        update, summary = store.transact(
            lambda reader: plan_update(reader, add=extractions, curation=curation))
    except QueryFailed as e:
        if len(extractions) == 1:
            report.skipped.append(ReadFailure(path=_where(extractions[0].article),
                                              reason=f"the store refused it: {e}"))
            return False
        logger.warning("the store refused a chunk (%s); writing article by article", e)
        wrote = False
        for extraction in extractions:
            wrote |= _write([extraction], store=store, curation=curation, report=report,
                            track_nodes=track_nodes)
        return wrote
    _account(update, extractions, report, track_nodes=track_nodes)
    report.nodes_created += summary.nodes_created
    report.relationships_created += summary.relationships_created
    return bool(update.statements)


def _account(update: GraphUpdate, extractions: list[ArticleExtraction], report: IngestReport,
             *, track_nodes: bool) -> None:
    added = set(update.added)
    report.articles_ingested += len(added)
    report.articles_known += len(update.known)
    report.known += update.known
    report.events += sum(len(x.events) for x in extractions if x.article.id in added)
    if track_nodes:
        existing = set(update.existing_nodes)
        report.created += [i for i in update.written_nodes if i not in existing]
        report.touched += [i for i in update.written_nodes if i in existing]


def re_resolve(*, store: GraphStore, curation: Curation | None = None,
               chunk_size: int = CHUNK_SIZE) -> IngestReport:
    """Resolve everything again from the extractions the articles were stored with (after
    editing the curation file, or after the resolver changed), a chunk of articles per
    atomic update: the graph is never empty meanwhile, and an interrupted run leaves a
    graph the next run finishes."""
    started = time.perf_counter()
    ids: list[str] = []
    while rows := store.query("list_article_ids", skip=len(ids), limit=1000):
        ids += [row["id"] for row in rows]
    report = IngestReport()
    for n in range(0, len(ids), chunk_size):
        chunk = ids[n:n + chunk_size]
        update, summary = store.transact(
            lambda reader, chunk=chunk: plan_update(reader, refresh=chunk, curation=curation))
        report.articles_ingested += len(update.rewritten)
        report.nodes_created += summary.nodes_created
        report.relationships_created += summary.relationships_created
    if ids:
        store.after_ingest()
    report.seconds = round(time.perf_counter() - started, 3)
    return report
