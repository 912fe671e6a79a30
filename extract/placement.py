"""Where the parse says an event happened: the locative phrase ("held in X", "kicked off in
the Russian capital", "presented ... at Belém Palace, Office of the President in Lisbon") said
of the words that report the event, or of the clause they stand in.

Reporters attach a place to the event it belongs to: "The Media Summit kicked off in the
Russian capital, a prelude to next month's BRICS Summit in Kazan" places the media summit in
Moscow and the BRICS summit in Kazan. Only a city, a capital, a venue or a country is a
place: "in 2023", "in cooperation with" and "at the invitation of" name none.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from spacy.tokens import Span, Token

from extract.countries import CountryIndex
from extract.entities import ArticleEntities, doc_text
from extract.lexicon import EVENT_NOUNS, VENUE_HEADS
from extract.models import PlaceMention
from extract.places import PlaceIndex

_LOCATIVE = frozenset({"in", "at"})
# Dependents that open a clause of their own, which tells of another happening or time.
_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"})
# How a noun stands in the clause of the verb that tells of it.
_IN_CLAUSE = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "prep", "appos", "compound",
                        "attr", "conj", "npadvmod", "poss"})
_MODIFIERS = frozenset({"compound", "amod"})


@dataclass(frozen=True)
class KnownPlaces:
    """The article's cities, each under every spelling the text used for it."""

    by_surface: Mapping[str, PlaceMention]
    places: PlaceIndex
    countries: CountryIndex

    @classmethod
    def of(cls, entities: ArticleEntities, *, places: PlaceIndex, countries: CountryIndex
           ) -> "KnownPlaces":
        by_surface = {surface: place for key, place in entities.places.items()
                      for surface in {place.name, *entities.place_surfaces.get(key, ())}}
        return cls(by_surface=by_surface, places=places, countries=countries)


def place_of_mention(sent: Span, start: int, end: int, known: KnownPlaces
                     ) -> PlaceMention | None:
    """The place said of the event the sentence names between characters `start` and `end`
    of its text: by a phrase on the event's own words ("the BRICS Summit in Kazan"), a clause
    on them ("the event, which kicked off at Darb Al Saai in Umm Salal") or the clause they
    stand in ("The Summit is held in the Malaysian capital as part of the 46th ASEAN
    Summit")."""
    words = sent.doc.char_span(sent.start_char + start, sent.start_char + end,
                               alignment_mode="expand")
    if words is None or not len(words):
        return None
    for holder in _holders(words.root):
        place = _place_near(holder, known)
        if place is not None:
            return place
    return None


def _holders(mention: Token) -> Iterator[Token]:
    """The words whose phrases may place the event, nearest first: the mention itself, the
    clauses on it, then the verb of the clause it stands in."""
    yield mention
    for child in mention.children:
        if child.dep_ in ("relcl", "acl"):
            yield child
    verb = mention
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in _IN_CLAUSE and verb.head is not verb:
        verb = verb.head
    if verb is not mention and verb.pos_ in ("VERB", "AUX"):
        yield verb


def _place_near(holder: Token, known: KnownPlaces) -> PlaceMention | None:
    """The most precise place the locative phrases of a word name (a city or a venue before a
    country), the phrases nearest it first."""
    found = [place for prep in _locative_phrases(holder)
             if (place := _place_of_phrase(prep, known)) is not None]
    precise = [p for p in found if known.countries.lookup(p.name) is None]
    return (precise or found or [None])[0]


def _locative_phrases(holder: Token) -> Iterator[Token]:
    """ "in"/"at" dependents reachable from `holder` without entering a clause or another
    event's noun (a phrase there places that event), nearest first."""
    level = [holder]
    while level:
        below = []
        for token in level:
            for child in token.children:
                if _opens_clause(child):
                    continue
                if child.dep_ == "prep" and child.lower_ in _LOCATIVE:
                    yield child
                if not _is_event_noun(child):
                    below.append(child)
        level = below


def _opens_clause(token: Token) -> bool:
    return token.dep_ in _CLAUSES or (token.dep_ == "conj" and token.pos_ == "VERB")


def _is_event_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.lower_ in EVENT_NOUNS


def _place_of_phrase(prep: Token, known: KnownPlaces) -> PlaceMention | None:
    """The first city the phrase names, directly or by its country ("in the Russian
    capital"), as the city of a venue ("at Belém Palace ... in Lisbon") when the phrase is
    about one; else the venue alone, or a country."""
    objects = [t for t in prep.children if t.dep_ == "pobj"]
    if not objects:
        return None
    tokens = sorted(_phrase_tokens(prep), key=lambda t: t.i)
    city = next((place for token in tokens
                 if (place := _city_at(token, known) or _capital_named_at(token, known))), None)
    venue = _venue_of(objects[0])
    if city is not None and venue is not None:
        return PlaceMention(name=f"{venue}, {city.name}", country=city.country)
    if city is not None:
        return city
    if venue is not None:
        return PlaceMention(name=venue, country=None)
    return _country_of(objects[0], known)


def _phrase_tokens(token: Token) -> Iterator[Token]:
    """The phrase a preposition heads, without the clauses inside it or another event
    ("at the Riyadh summit" places the summit, not what happened at it)."""
    yield token
    for child in token.children:
        if not _opens_clause(child) and not _is_event_noun(child):
            yield from _phrase_tokens(child)


def _city_at(token: Token, known: KnownPlaces) -> PlaceMention | None:
    """The article's city written from this word on, unless the word belongs to a venue's
    name ("Belém" of "Belém Palace")."""
    if token.pos_ != "PROPN" or _names_a_venue(token):
        return None
    text = doc_text(token.doc)
    for surface, place in known.by_surface.items():
        end = token.idx + len(surface)
        if text.startswith(surface, token.idx) and (end == len(text) or not text[end].isalnum()):
            return place
    return None


def _names_a_venue(token: Token) -> bool:
    return token.dep_ == "compound" and token.head.lower_ in VENUE_HEADS


def _capital_named_at(token: Token, known: KnownPlaces) -> PlaceMention | None:
    """ "the Belarusian capital", "the capital of Malaysia": that country's capital city."""
    if token.lower_ != "capital" or token.pos_ != "NOUN":
        return None
    namers = [c for c in token.children if c.dep_ in _MODIFIERS]
    namers += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]
    for namer in namers:
        match = known.countries.lookup(_words_of(namer))
        city = known.places.capital_of(match.iso3) if match is not None else None
        if city is not None:
            return PlaceMention(name=city.name, country=city.iso3, canonical=city.name)
    return None


def _venue_of(obj: Token) -> str | None:
    """ "Belém Palace", "Jeronimos Monastery": a named building the phrase is about."""
    if obj.pos_ != "PROPN" or obj.lower_ not in VENUE_HEADS:
        return None
    return _words_of(obj)


def _words_of(token: Token) -> str:
    """A word with the capitalised words before it that modify it, and an "of" phrase after
    it: "Belém Palace", "State of Qatar" (not "the", "famous")."""
    words = [t.text for t in token.subtree if t.i < token.i and t.text[:1].isupper()]
    words.append(token.text)
    for of in (c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"):
        words += ["of", *(_words_of(g) for g in of.children if g.dep_ == "pobj")]
    return " ".join(words)


def _country_of(obj: Token, known: KnownPlaces) -> PlaceMention | None:
    """ "held in Brunei", "in the State of Qatar": the country itself, not its demonym."""
    match = known.countries.lookup(_words_of(obj))
    if match is None or match.is_demonym:
        return None
    return PlaceMention(name=match.name, country=match.iso3)
