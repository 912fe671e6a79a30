"""Well-known international bodies and news agencies (extract/data/organizations.json),
found by name or acronym where NER misses them ("BRICS", "Mercosur", "the African Union").

The pipeline finds them with spaCy's `SpanRuler` (`dkg_known_organizations`: every name and
alias a phrase pattern on the exact text, the longest match winning), and `known_in(doc)`
reads what it found:

    nlp = spacy.blank("en"); add_known_organizations(nlp)
    known_in(nlp("Experts from WHO arrived."))  # [(World Health Organization, "WHO")]
"""

from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from extract.gazetteer import load_data

SPANS_KEY = "dkg_known_organizations"


@dataclass(frozen=True)
class KnownOrganization:
    name: str
    aliases: tuple[str, ...]


class KnownOrganizations:
    """The listed organizations, by each of their names and acronyms (case as written)."""

    def __init__(self, data: dict) -> None:
        self.by_surface: dict[str, KnownOrganization] = {}
        for entry in data["organizations"]:
            org = KnownOrganization(name=entry["name"], aliases=tuple(entry.get("aliases", [])))
            for surface in (org.name, *org.aliases):
                self.by_surface[surface] = org

    @classmethod
    @cache
    def default(cls) -> "KnownOrganizations":
        return cls(load_data("organizations.json"))

    def lookup(self, surface: str) -> KnownOrganization | None:
        return self.by_surface.get(surface.strip())

    def span_patterns(self) -> list[dict]:
        """`SpanRuler` phrase patterns: every surface, labelled ORG, its id the name."""
        return [{"label": "ORG", "pattern": surface, "id": org.name}
                for surface, org in sorted(self.by_surface.items())]


def add_known_organizations(nlp: Language, known: KnownOrganizations | None = None
                            ) -> SpanRuler:
    """Add the `dkg_known_organizations` ruler at the end of a pipeline."""
    ruler = nlp.add_pipe("span_ruler", name=SPANS_KEY, config={
        "spans_key": SPANS_KEY, "phrase_matcher_attr": "ORTH",
        "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"}})
    ruler.add_patterns((known or KnownOrganizations.default()).span_patterns())
    return ruler


def known_in(doc: Doc, known: KnownOrganizations | None = None
             ) -> list[tuple[KnownOrganization, str]]:
    """Each organization the ruler found, once, with the surface it was first named by; a
    name inside a hyphenated compound ("UN-Habitat") is another body's name, not this one."""
    known = known or KnownOrganizations.default()
    found: dict[str, tuple[KnownOrganization, str]] = {}
    for span in doc.spans[SPANS_KEY]:
        if _in_hyphenated_compound(span):
            continue
        org = known.lookup(span.text)
        if org is not None:
            found.setdefault(org.name, (org, span.text))
    return list(found.values())


def _in_hyphenated_compound(span: Span) -> bool:
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    return bool((after is not None and after.text == "-" and not span[-1].whitespace_)
                or (before is not None and before.text == "-" and not before.whitespace_))
