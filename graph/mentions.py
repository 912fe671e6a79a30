"""What resolution works on, read off one article's extraction.

- An **entity mention** is a person or an organization one article names, with the names,
  titles and country the article gives it. Every name an article uses in a role (an
  organizer, a participant, a message sender, an affiliation, the body a unit belongs to)
  is one of its mentions: the article's own entry when it lists one under that name, else
  a mention of its own. A message sender is a person when one of the article's persons
  goes by that name, else an organization.
- A **unit** is every mention, in any article, written the same way (same label, folded
  name and country): resolution compares units, not mentions, so a name used by a thousand
  articles is compared once. `unit_key` names it.
- An **event report** is one event as one article tells it.

All of it is a function of the extraction alone, so it reads the same whenever and in
whatever company the article is ingested.
"""

import datetime as dt
from dataclasses import dataclass

from extract.models import ArticleExtraction
from graph.names import fold
from graph.vocabulary import Label


def unit_key(name: str, country: str | None) -> str:
    """The unit a mention belongs to within its label: "<folded name>|<ISO3 or empty>"."""
    return f"{fold(name)}|{country or ''}"


@dataclass(frozen=True)
class EntityMention:
    """One person or organization as one article names it."""

    label: Label
    article: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    titles: tuple[str, ...] = ()
    organization_title: str | None = None  # persons: the title held at `organization`

    @property
    def unit(self) -> str:
        return unit_key(self.name, self.country)

    @property
    def surfaces(self) -> list[str]:
        """Every name the article uses for it, its own name first."""
        return list(dict.fromkeys((self.name, *self.aliases)))


@dataclass(frozen=True)
class EventReport:
    """One event as one article reports it; `index` is its place in the extraction."""

    article: str
    index: int
    name: str
    type: str
    plover: str | None
    date: dt.date | None
    end_date: dt.date | None
    place: str | None
    place_country: str | None

    @property
    def key(self) -> str:
        return f"{self.article}#{self.index}"


class ArticleMentions:
    """The entity mentions of one article, and which of them each name it uses stands for."""

    def __init__(self, extraction: ArticleExtraction) -> None:
        self.article = extraction.article.id
        self._mentions: dict[tuple[Label, str], EntityMention] = {}
        self._by_name: dict[tuple[Label, str], str] = {}
        for person in extraction.persons:
            self._add(EntityMention(
                label=Label.PERSON, article=self.article, name=person.name,
                aliases=tuple(person.aliases), country=person.country,
                titles=tuple(person.titles), organization_title=person.organization_title))
        for org in extraction.organizations:
            self._add(EntityMention(label=Label.ORGANIZATION, article=self.article,
                                    name=org.name, aliases=tuple(org.aliases),
                                    country=org.country))
        for label, name in _role_names(extraction):
            self._add_role(label, name)
        for event in extraction.events:
            for name in event.message_senders:
                self._add_role(self.sender_label(name), name)

    def _add_role(self, label: Label, name: str) -> None:
        if (label, fold(name)) not in self._by_name:
            self._add(EntityMention(label=label, article=self.article, name=name))

    def _add(self, mention: EntityMention) -> None:
        key = (mention.label, mention.unit)
        known = self._mentions.get(key)
        if known is not None:  # listed twice under one name: one mention, names joined
            mention = EntityMention(
                label=known.label, article=known.article, name=known.name,
                aliases=tuple(dict.fromkeys((*known.aliases, *mention.aliases))),
                country=known.country,
                titles=tuple(dict.fromkeys((*known.titles, *mention.titles))),
                organization_title=known.organization_title or mention.organization_title)
        self._mentions[key] = mention
        for name in mention.surfaces:
            self._by_name.setdefault((mention.label, fold(name)), mention.unit)

    @property
    def mentions(self) -> list[EntityMention]:
        return list(self._mentions.values())

    def unit_of(self, label: Label, name: str) -> str:
        """The unit of the mention the article means by `name`."""
        return self._by_name[(label, fold(name))]

    def sender_label(self, name: str) -> Label:
        """What a message sender named `name` is: a person when one of the article's
        persons goes by that name, else an organization."""
        return Label.PERSON if (Label.PERSON, fold(name)) in self._by_name else Label.ORGANIZATION


def _role_names(extraction: ArticleExtraction) -> list[tuple[Label, str]]:
    names: list[tuple[Label, str]] = []
    for person in extraction.persons:
        if person.organization:
            names.append((Label.ORGANIZATION, person.organization))
    for org in extraction.organizations:
        if org.part_of:
            names.append((Label.ORGANIZATION, org.part_of))
    for event in extraction.events:
        names += [(Label.ORGANIZATION, name) for name in event.organizers]
        names += [(Label.ORGANIZATION, name) for name in event.participant_organizations]
        names += [(Label.PERSON, name) for name in event.participants]
    return names


def event_reports(extraction: ArticleExtraction) -> list[EventReport]:
    article = extraction.article.id
    return [
        EventReport(article=article, index=n, name=event.name, type=event.type.value,
                    plover=event.plover.value if event.plover else None, date=event.date,
                    end_date=event.end_date,
                    place=event.place.name if event.place else None,
                    place_country=event.place.country if event.place else None)
        for n, event in enumerate(extraction.events)
    ]
