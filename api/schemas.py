"""Response models of the REST API."""

import datetime as dt

from pydantic import BaseModel, Field

from graph.vocabulary import EventType


class CountryRef(BaseModel):
    id: str = Field(description="ISO 3166-1 alpha-3 code.")
    name: str


class NamedRef(BaseModel):
    id: str
    name: str


class EventSummary(BaseModel):
    id: str
    name: str
    type: EventType
    date: dt.date | None = None
    end_date: dt.date | None = None
    place: str | None = None
    countries: list[str] = Field(description="ISO3 codes of the countries involved.")


class EventsPublic(BaseModel):
    items: list[EventSummary]
    total: int
    limit: int
    offset: int


class PlacePublic(BaseModel):
    id: str
    name: str
    country: str | None = None


class CountryInvolved(CountryRef):
    evidence: list[str] = Field(default_factory=list)


class OrganizationRole(NamedRef):
    evidence: list[str] = Field(default_factory=list)


class PersonRole(NamedRef):
    titles: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class SourceArticle(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    path: str | None = None
    published: dt.date | None = None
    evidence: list[str] = Field(default_factory=list,
                                description="The sentences the event was read from.")


class EventPublic(BaseModel):
    id: str
    name: str
    type: EventType
    date: dt.date | None = None
    end_date: dt.date | None = None
    place: PlacePublic | None = None
    countries: list[CountryInvolved]
    organizers: list[OrganizationRole]
    participants: list[PersonRole]
    participant_organizations: list[OrganizationRole]
    articles: list[SourceArticle]


class CountryPublic(CountryRef):
    aliases: list[str] = Field(default_factory=list)
    events: int


class CountriesPublic(BaseModel):
    items: list[CountryPublic]
    total: int


class EntityMentionPublic(BaseModel):
    article: str
    title: str | None = None
    url: str | None = None
    path: str | None = None
    surfaces: list[str] = Field(default_factory=list, description="Names used there.")
    resolution: str | None = Field(default=None, description="Why it was put on this node.")


class EntityPublic(BaseModel):
    id: str
    kind: str = Field(description="Organization or Person")
    name: str
    aliases: list[str] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list)
    country: str | None = None
    mentions: list[EntityMentionPublic]


class HealthPublic(BaseModel):
    status: str
    engine: str
    nodes: dict[str, int]
    relationships: dict[str, int]


class ErrorPublic(BaseModel):
    detail: str
