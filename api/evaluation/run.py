"""Run an evaluation: ingest gold articles into a throw-away embedded store, read back what
the graph holds per article file, score it, and time extraction against raw spaCy."""

import tempfile
import time
from collections import defaultdict
from pathlib import Path

from pydantic import BaseModel, Field
from spacy.language import Language

from api.evaluation.gold import GoldArticle, load_gold
from api.evaluation.resolution import ResolutionScore, mentions_from, score_resolution
from api.evaluation.scoring import (
    ATTRIBUTES,
    KINDS,
    ROLES,
    Accuracy,
    ArticleScore,
    Counts,
    ExtractedArticle,
    ExtractedEntity,
    ExtractedEvent,
    score_article,
)
from api.ingest import ingest_paths
from extract.countries import CountryIndex
from extract.models import Article
from extract.pipeline import OWN_COMPONENTS, extract_articles
from extract.reading import read_articles
from graph.falkordb_store import FalkorDBStore
from graph.store import GraphStore

PAGE = 1000
SPEED_ROUNDS = 5


class PRF(BaseModel):
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int

    @classmethod
    def of(cls, counts: Counts) -> "PRF":
        return cls(precision=round(counts.precision, 4), recall=round(counts.recall, 4),
                   f1=round(counts.f1, 4), tp=counts.tp, fp=counts.fp, fn=counts.fn)


class AccuracyOut(BaseModel):
    accuracy: float
    right: int
    total: int

    @classmethod
    def of(cls, accuracy: Accuracy) -> "AccuracyOut":
        return cls(accuracy=round(accuracy.value, 4), right=accuracy.right, total=accuracy.total)


class Scores(BaseModel):
    kinds: dict[str, PRF]
    roles: dict[str, PRF]
    attributes: dict[str, AccuracyOut]


class ArticleResult(BaseModel):
    article: str
    scores: Scores
    navigation_nodes: list[str]
    byline_persons: list[str]
    misses: list[str]


class Speed(BaseModel):
    articles: int
    words: int
    raw_pipeline_seconds: float = Field(description="nlp.pipe alone over the same texts")
    extraction_seconds: float = Field(description="extract_articles (cleaning, NLP, rules)")
    articles_per_second: float
    words_per_second: int
    raw_words_per_second: int = Field(description="nlp.pipe alone, the trained components "
                                      "without the project's own")
    ratio: float = Field(description="extraction time / raw pipeline time")


class Pipeline(BaseModel):
    """The spaCy pipeline an evaluation ran, so scores can be told apart by model."""

    name: str = Field(description='"<lang>_<name>" from nlp.meta, as spaCy names packages')
    version: str = Field(description="nlp.meta's version of the pipeline")
    components: list[str] = Field(description="the components that ran, in order")

    @classmethod
    def of(cls, nlp: Language) -> "Pipeline":
        meta = nlp.meta
        return cls(name=f"{meta.get('lang', nlp.lang)}_{meta.get('name', 'pipeline')}",
                   version=str(meta.get("version", "")), components=list(nlp.pipe_names))


class EvalReport(BaseModel):
    articles: int
    pipeline: Pipeline | None = None
    micro: Scores
    resolution: dict[str, ResolutionScore] = Field(
        default_factory=dict, description="persons, organizations, events (cross-article)")
    cross_label_nodes: int = Field(0, description="Nodes carrying more than one label.")
    navigation_nodes: int
    byline_persons: int
    per_article: list[ArticleResult]
    speed: Speed | None = None


def evaluate(folders: list[Path], *, nlp: Language, measure_speed: bool = True) -> EvalReport:
    """Score extraction on every gold-annotated article of the folders."""
    gold = load_gold(folders)
    if not gold:
        raise FileNotFoundError(f"no NN.txt + NN.gold.json pairs in {', '.join(map(str, folders))}")
    countries = CountryIndex.default()
    with tempfile.TemporaryDirectory(prefix="dkg-eval-") as work:
        store = FalkorDBStore(Path(work) / "store")
        try:
            store.apply_schema()
            ingest_paths([g.text_path for g in gold], store=store, nlp=nlp)
            found = _read_back(store)
            nodes, _ = store.iter_export()
            cross_label = sum(1 for node in nodes if len(node["labels"]) > 1)
        finally:
            store.close()
    code = _country_code(countries)
    results = [score_article(g, found.get(str(g.text_path), ExtractedArticle()),
                             country_code=code) for g in gold]
    report = EvalReport(
        articles=len(gold),
        pipeline=Pipeline.of(nlp),
        micro=_micro(results),
        resolution=_resolution(results),
        cross_label_nodes=cross_label,
        navigation_nodes=sum(len(r.navigation_nodes) for r in results),
        byline_persons=sum(len(r.byline_persons) for r in results),
        per_article=[ArticleResult(article=r.name, scores=_scores([r]),
                                   navigation_nodes=r.navigation_nodes,
                                   byline_persons=r.byline_persons, misses=r.misses)
                     for r in results],
    )
    if measure_speed:
        report.speed = measure(gold, nlp=nlp)
    return report


def _resolution(results: list[ArticleScore]) -> dict[str, ResolutionScore]:
    scores = {}
    for kind in ("persons", "organizations", "events"):
        links = [(r.name, gold, node) for r in results for gold, node in r.links[kind]]
        scores[kind] = score_resolution(mentions_from(links), cross_article_only=kind == "events")
    return scores


def _country_code(countries: CountryIndex):
    def code(name: str) -> str | None:
        match = countries.lookup(name)
        return match.iso3 if match else None
    return code


def _read_back(store: GraphStore) -> dict[str, ExtractedArticle]:
    """What the graph holds per article file; listing items fold into their page."""
    by_file: dict[str, ExtractedArticle] = defaultdict(ExtractedArticle)
    file_of: dict[str, str] = {}
    for row in _all(store, "list_article_contents"):
        path = (row["path"] or row["id"]).split("#item-")[0]
        file_of[row["id"]] = path
        found = by_file[path]
        found.countries |= set(row["countries"])
        found.regions |= set(row["regions"])
        known = {entity.id for entity in found.organizations + found.persons}
        # Listing items of one page may mention the same node: count it once.
        found.organizations += [ExtractedEntity(o["id"], [o["name"], *(o["aliases"] or [])])
                                for o in row["organizations"] if o["id"] not in known]
        found.persons += [ExtractedEntity(p["id"], [p["name"], *(p["aliases"] or [])])
                          for p in row["persons"] if p["id"] not in known]
    for row in _all(store, "list_article_events"):
        found = by_file[file_of[row["article_id"]]]
        # The article involves the countries of the events it reports (gold: "participants,
        # hosts, locations, subjects").
        found.countries |= set(row["countries"]) | set(row["place_countries"])
        found.events.append(ExtractedEvent(
            id=row["id"], name=row["name"], type=row["type"], date=row["date"],
            evidence=row["evidence"] or [],
            places=[name for spellings in row["places"] for name in spellings],
            place_countries=row["place_countries"], countries=row["countries"],
            organizers=_with_aliases(row["organizers"], found.organizations),
            participants=_with_aliases(row["participants"], found.persons),
            participant_organizations=_with_aliases(row["participant_organizations"],
                                                    found.organizations),
            message_senders=_with_aliases(row["message_senders"],
                                          found.persons + found.organizations),
        ))
    return by_file


def _with_aliases(names: list[str], entities: list[ExtractedEntity]) -> list[list[str]]:
    """Each role holder under all the names its node carries ("NATO" is also "North
    Atlantic Treaty Organization" when the article defined it so)."""
    by_name = {entity.names[0]: entity.names for entity in entities}
    return [by_name.get(name, [name]) for name in names]


def _all(store: GraphStore, name: str) -> list[dict]:
    rows, skip = [], 0
    while True:
        page = store.query(name, skip=skip, limit=PAGE)
        rows += page
        if len(page) < PAGE:
            return rows
        skip += PAGE


def _micro(results: list[ArticleScore]) -> Scores:
    return _scores(results)


def _scores(results: list[ArticleScore]) -> Scores:
    kinds = {k: Counts() for k in KINDS}
    roles = {r: Counts() for r in ROLES}
    attributes = {a: Accuracy() for a in ATTRIBUTES}
    for result in results:
        for k in KINDS:
            kinds[k] += result.kinds[k]
        for r in ROLES:
            roles[r] += result.roles[r]
        for a in ATTRIBUTES:
            attributes[a] += result.attributes[a]
    return Scores(kinds={k: PRF.of(v) for k, v in kinds.items()},
                  roles={r: PRF.of(v) for r, v in roles.items()},
                  attributes={a: AccuracyOut.of(v) for a, v in attributes.items()})


def measure(gold: list[GoldArticle], *, nlp: Language) -> Speed:
    """Extraction time beside raw `nlp.pipe` on the same texts: the best of a few rounds
    after a warm-up, the two timed in turns within each round, so that a busy moment of a
    shared machine slows both rather than one."""
    articles = [a for a in read_articles([g.text_path for g in gold]) if isinstance(a, Article)]
    texts = [a.text for a in articles]
    list(extract_articles(articles[:1], nlp=nlp))  # load lookup tables outside the timing
    own = [c for c in OWN_COMPONENTS if c in nlp.pipe_names]

    def raw_pipeline() -> None:
        with nlp.select_pipes(disable=own):  # the trained pipeline alone: the project's
            list(nlp.pipe(texts))            # components count as extraction

    rounds = [(_timed(raw_pipeline), _timed(lambda: list(extract_articles(articles, nlp=nlp))))
              for _ in range(SPEED_ROUNDS)]
    raw = min(r for r, _ in rounds)
    full = min(f for _, f in rounds)
    words = sum(len(t.split()) for t in texts)
    return Speed(articles=len(articles), words=words, raw_pipeline_seconds=round(raw, 3),
                 extraction_seconds=round(full, 3),
                 articles_per_second=round(len(articles) / full, 1),
                 words_per_second=round(words / full),
                 raw_words_per_second=round(words / raw), ratio=round(full / raw, 2))


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started
