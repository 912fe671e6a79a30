"""Request and response models of the REST API."""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from graph.vocabulary import EventType, Label, Plover

NodeKind = Literal["Article", "Country", "Organization", "Person", "Event", "Place", "Region"]
assert set(NodeKind.__args__) == {label.value for label in Label}


class Page(BaseModel):
    total: int = Field(description="How many items match, over all pages.")
    limit: int
    offset: int


class NodeRef(BaseModel):
    id: str
    name: str | None = None


class KindedRef(NodeRef):
    kind: NodeKind


class Evidence(BaseModel):
    article: str = Field(description="Id of the article the sentence was read in.")
    sentence: str


class EvidencedRef(NodeRef):
    evidence: list[Evidence] = Field(default_factory=list,
                                     description="The sentences that support this fact.")


# --- events -----------------------------------------------------------------------------

class EventSummary(BaseModel):
    id: str
    name: str
    type: EventType
    plover: Plover | None = Field(default=None, description="PLOVER event category.")
    date: dt.date | None = None
    end_date: dt.date | None = None
    place: str | None = None
    countries: list[str] = Field(description="ISO3 codes of the countries involved.")


class EventsPublic(Page):
    items: list[EventSummary]


class PlacePublic(EvidencedRef):
    country: str | None = Field(default=None, description="ISO3 code.")


class PersonRole(EvidencedRef):
    titles: list[str] = Field(default_factory=list)


class MessageSender(EvidencedRef):
    kind: Literal["Person", "Organization"]


class EventRef(NodeRef):
    type: EventType | None = None
    plover: Plover | None = None
    date: dt.date | None = None


class ArticleRef(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    path: str | None = None
    source: str | None = None
    published: dt.date | None = None


class SourceArticle(ArticleRef):
    evidence: list[str] = Field(default_factory=list,
                                description="The sentences the event was read from.")


class EventPublic(BaseModel):
    id: str
    name: str
    type: EventType
    plover: Plover | None = Field(default=None, description="PLOVER event category.")
    date: dt.date | None = None
    end_date: dt.date | None = None
    place: PlacePublic | None = None
    countries: list[EvidencedRef]
    regions: list[EvidencedRef]
    organizers: list[EvidencedRef]
    participants: list[PersonRole]
    participant_organizations: list[EvidencedRef]
    message_senders: list[MessageSender] = Field(
        description="Persons and organizations that sent the event a letter or message "
                    "without taking part.")
    part_of: list[EventRef] = Field(description="Events this one took place within.")
    sub_events: list[EventRef]
    articles: list[SourceArticle]


# --- countries ----------------------------------------------------------------------------

class CountrySummary(BaseModel):
    id: str = Field(description="ISO 3166-1 alpha-3 code.")
    name: str
    aliases: list[str] = Field(default_factory=list)
    events: int


class CountriesPublic(Page):
    items: list[CountrySummary]


class CountryPublic(CountrySummary):
    regions: list[NodeRef]
    articles: int = Field(description="Articles that mention it.")
    organizations: list[NodeRef] = Field(description="Organizations based there (first ones).")
    persons: list[NodeRef] = Field(description="People who represent it (first ones).")


class Partner(BaseModel):
    id: str
    name: str
    events: int = Field(description="Events involving both countries.")
    latest: dt.date | None = Field(default=None, description="Date of the latest of them.")


class PartnersPublic(Page):
    country: str
    items: list[Partner]


# --- organizations and persons ------------------------------------------------------------

class MentionPublic(BaseModel):
    article: str
    title: str | None = None
    url: str | None = None
    path: str | None = None
    surfaces: list[str] = Field(default_factory=list, description="Names used there.")
    resolution: str | None = Field(default=None, description="Why it was put on this node.")


class OrganizationSummary(BaseModel):
    id: str
    name: str
    country: str | None = None
    events: int


class OrganizationsPublic(Page):
    items: list[OrganizationSummary]


class Affiliate(NodeRef):
    title: str | None = None


class OrganizationPublic(BaseModel):
    id: str
    name: str
    aliases: list[str]
    countries: list[NodeRef]
    part_of: list[NodeRef] = Field(description="The organization(s) this one belongs to.")
    parts: list[NodeRef]
    people: list[Affiliate]
    events: int
    mentions: list[MentionPublic]


class PersonSummary(BaseModel):
    id: str
    name: str
    titles: list[str] = Field(default_factory=list)
    country: str | None = None
    events: int


class PersonsPublic(Page):
    items: list[PersonSummary]


class PersonPublic(BaseModel):
    id: str
    name: str
    aliases: list[str]
    titles: list[str]
    affiliations: list[Affiliate]
    countries: list[NodeRef]
    events: int
    mentions: list[MentionPublic]


# --- search, graph, timeline --------------------------------------------------------------

class SearchHit(KindedRef):
    score: float = Field(description="0-100, higher is closer.")
    matched: str = Field(description="The name or alias that matched best.")


class SearchPublic(BaseModel):
    query: str
    items: list[SearchHit]


class GraphNode(KindedRef):
    date: dt.date | None = None
    event_type: EventType | None = None
    event_plover: Plover | None = None


class GraphRelationship(BaseModel):
    type: str
    source: str
    target: str


class GraphPublic(BaseModel):
    center: str
    depth: int
    nodes: list[GraphNode]
    relationships: list[GraphRelationship]
    truncated: bool = Field(description="True when the limit cut the neighbourhood short.")


class TimelineBucket(BaseModel):
    period: str = Field(description="2026, 2026-04, 2026-W14 or 2026-04-16.")
    start: dt.date
    events: int


class TimelinePublic(BaseModel):
    interval: Literal["day", "week", "month", "year"]
    items: list[TimelineBucket]
    total: int
    undated: int = Field(description="Matching events with no known date (not in any bucket).")


# --- articles ---------------------------------------------------------------------------

class ArticleSummary(ArticleRef):
    events: int


class ArticlesPublic(Page):
    items: list[ArticleSummary]


class ArticleEvent(EventRef):
    evidence: list[str] = Field(default_factory=list)


class ArticleMention(KindedRef):
    surfaces: list[str] = Field(default_factory=list)


class ArticlePublic(ArticleRef):
    events: list[ArticleEvent]
    mentions: list[ArticleMention]


class ArticleIn(BaseModel):
    """One article to ingest."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article's text.")
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source: str | None = None


class ArticleIngested(BaseModel):
    article: str = Field(description="Id of the article node.")
    events: int
    created: list[KindedRef] = Field(description="Nodes this article added to the graph.")
    touched: list[KindedRef] = Field(description="Nodes that were there and gained facts.")


class ArticleRetracted(BaseModel):
    article: str
    deleted: list[KindedRef] = Field(description="Nodes only this article supported.")
    updated: list[KindedRef] = Field(description="Nodes that lost this article as a source.")


# --- meta -------------------------------------------------------------------------------

class HealthPublic(BaseModel):
    status: str
    engine: str
    nodes: dict[str, int]
    relationships: dict[str, int]


class EventTypeStats(BaseModel):
    type: EventType
    events: int
    first: dt.date | None = None
    last: dt.date | None = None


class StatsPublic(BaseModel):
    engine: str
    nodes: dict[str, int]
    relationships: dict[str, int]
    event_types: list[EventTypeStats]


class ErrorPublic(BaseModel):
    detail: str
