"""Records that flow out of extract/: articles as read, and what was found in them.

A *mention* is something found in one article's text and not yet resolved against the graph.
"""

import datetime as dt

from pydantic import BaseModel, Field, model_validator

from graph.vocabulary import PLOVER_BY_TYPE, EventType, Plover


class Article(BaseModel):
    """One news article (or one item of a listing page) as read from its source."""

    id: str = Field(description="Stable id computed from where the article came from.")
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source: str | None = None
    path: str | None = Field(default=None, description="File path, with #item-N for listing items.")


class ReadFailure(BaseModel):
    """An input that could not become an article, and why."""

    path: str
    reason: str


class Evidence(BaseModel):
    """The sentence a fact came from, with character offsets into the article text."""

    article_id: str
    sentence: str
    start: int
    end: int


class CountryMention(BaseModel):
    iso3: str
    name: str
    surface: str = Field(description="The text as written: a name, alias or demonym.")


class RegionMention(BaseModel):
    name: str
    members: list[str] = Field(default_factory=list,
                               description="ISO3 codes, where membership is well defined.")


class PlaceMention(BaseModel):
    name: str = Field(description="As the article writes it: 'St. Petersburg'.")
    country: str | None = Field(default=None, description="ISO3 of the country it lies in.")
    canonical: str | None = Field(
        default=None, description="The gazetteer's name of the city, which every spelling of "
        "it shares ('Saint Petersburg'); None for a venue or a place the gazetteer lacks.")


class OrganizationMention(BaseModel):
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = Field(default=None, description="ISO3 of the country it is based in.")
    part_of: str | None = Field(default=None, description="Name of the parent organization.")


class PersonMention(BaseModel):
    name: str
    aliases: list[str] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list)
    country: str | None = Field(default=None, description="ISO3 of the country represented.")
    organization: str | None = Field(default=None, description="Name of the affiliation.")
    organization_title: str | None = None


class EventMention(BaseModel):
    name: str
    type: EventType
    plover: Plover | None = Field(default=None, description="PLOVER category; the type's "
                                  "default when the trigger names none.")
    date: dt.date | None = None
    end_date: dt.date | None = None
    place: PlaceMention | None = None
    countries: list[str] = Field(default_factory=list, description="ISO3 codes involved.")
    regions: list[str] = Field(default_factory=list, description="Regions involved, by name.")
    organizers: list[str] = Field(default_factory=list, description="Organization names.")
    participants: list[str] = Field(default_factory=list, description="Person names.")
    participant_organizations: list[str] = Field(default_factory=list)
    message_senders: list[str] = Field(
        default_factory=list, description="Names of persons or organizations who sent a "
        "letter or message to the event without attending (not participants).")
    part_of: str | None = Field(default=None, description="Name of the larger event of the "
                                "same article this one took place during.")
    evidence: Evidence = Field(description="The sentence that reports the event.")
    fact_evidence: dict[str, Evidence] = Field(
        default_factory=dict,
        description='Where each fact was read, keyed "<role>:<value>" with role one of '
        "country, region, organizer, participant, participant_organization, "
        "message_sender.",
    )

    @model_validator(mode="after")
    def _default_plover(self) -> "EventMention":
        if self.plover is None:
            self.plover = PLOVER_BY_TYPE[self.type]
        return self


class ArticleExtraction(BaseModel):
    """Everything extracted from one article."""

    article: Article
    countries: list[CountryMention] = Field(default_factory=list)
    organizations: list[OrganizationMention] = Field(default_factory=list)
    persons: list[PersonMention] = Field(default_factory=list)
    places: list[PlaceMention] = Field(default_factory=list)
    regions: list[RegionMention] = Field(default_factory=list)
    events: list[EventMention] = Field(default_factory=list)
