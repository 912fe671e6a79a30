"""Gold annotations (`NN_slug.gold.json`) beside their articles (`NN_slug.txt`)."""

from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field


class GoldEntity(BaseModel):
    name: str
    aliases: list[str] = Field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class GoldLocation(BaseModel):
    city: str | None = None
    country: str | None = None
    venue: str | None = None


class GoldEvent(BaseModel):
    name: str
    type: str
    date: str | None = None
    date_end: str | None = None
    location: GoldLocation = Field(default_factory=GoldLocation)
    countries_involved: list[str] = Field(default_factory=list)
    organizers: list[str] = Field(default_factory=list)
    participants: list[str] = Field(default_factory=list)
    participant_organizations: list[str] = Field(default_factory=list)
    message_senders: list[str] = Field(
        default_factory=list, description="Persons or organizations who sent a message to the "
        "event without attending; gold without them (or with null) has none.")
    evidence: str | None = None


class GoldArticle(BaseModel):
    """One article's gold annotation and the text file it describes."""

    text_path: Path
    countries: list[str] = Field(default_factory=list)
    regions: list[str] | None = Field(default=None, description="None: not annotated.")
    organizations: list[GoldEntity] = Field(default_factory=list)
    persons: list[GoldEntity] = Field(default_factory=list)
    events: list[GoldEvent] = Field(default_factory=list)
    bylines: list[str] = Field(default_factory=list)
    forbidden_names: list[str] = Field(default_factory=list)

    @property
    def name(self) -> str:
        return self.text_path.stem


def load_gold(folders: list[Path]) -> list[GoldArticle]:
    """Every `X.gold.json` in the folders whose article `X.txt` sits beside it."""
    articles = []
    for folder in folders:
        for gold_path in sorted(folder.glob("*.gold.json")):
            text_path = gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".txt")
            if text_path.is_file():
                articles.append(_parse(gold_path, text_path))
    return articles


def _parse(gold_path: Path, text_path: Path) -> GoldArticle:
    import json

    raw: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
    bylines = [b if isinstance(b, str) else b.get("name", "") for b in raw.get("bylines", [])]
    return GoldArticle(
        text_path=text_path,
        countries=raw.get("countries", []),
        regions=raw.get("regions"),
        organizations=[GoldEntity(name=o["name"], aliases=o.get("aliases") or [])
                       for o in raw.get("organizations", [])],
        persons=[GoldEntity(name=p["name"], aliases=p.get("aliases") or [])
                 for p in raw.get("persons", [])],
        events=[GoldEvent(**{**e, "location": e.get("location") or {},
                             "message_senders": e.get("message_senders") or []})
                for e in raw.get("events", [])],
        bylines=[b for b in bylines if b],
        forbidden_names=raw.get("forbidden_names", []),
    )
