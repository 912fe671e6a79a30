"""Organizations, persons and places found in one article's spaCy Doc.

NER gives candidate spans; these rules repair what a small model gets wrong in diplomatic
news (a title or a country glued to a name, a person tagged as an organization), read titles
and affiliations from pre-modifiers and appositions, and collect acronyms defined as
"Long Form (ACR)".
"""

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extract.countries import CountryIndex
from extract.known_organizations import KnownOrganizations, known_in
from extract.lexicon import HONORIFICS, ORGANIZATION_HEADS, TITLE_HEADS, TITLE_MODIFIERS
from extract.listed_names import definite_lists
from extract.models import EventMention, OrganizationMention, PersonMention, PlaceMention
from extract.phrases import unhyphenated, whole_words
from extract.places import PlaceIndex
from extract.roles import ROLES_KEY
from graph.names import fold

_ACRONYM_DEFINITION = re.compile(
    r"(?P<long>(?:[A-Z](?:[\w&'’-]*|\.)|of|for|and|the|on|in|de|du|des|la|le|del|van|von)"
    r"(?:\s+(?:[A-Z](?:[\w&'’-]*|\.)|of|for|and|the|on|in|de|du|des|la|le|del|van|von)){1,12})"
    r"\s+\((?P<acr>[A-Z][A-Za-z&.-]{1,11})\)"
)
# "NEST Congress Center", "Expo Centre": places where events happen, not organizations.
_VENUE_NAME = re.compile(
    r"\b(?:Congress|Convention|Conference|Exhibition|Expo|Trade|Events?)\s+(?:Center|Centre|Hall)\b"
)
# Heads of places and of events: an ORG span ending in one is not an organization.
_PLACE_HEADS = frozenset(
    """monastery cathedral church mosque temple square stadium arena hotel airport park
    bridge tomb praça plaza piazza ocean sea island islands""".split()
)
_EVENT_NAME_HEADS = frozenset(
    "Week Festival Fair Expo Exhibition Summit Conference Dialogue Games Agreement".split()
)
# Capitalised common nouns NER takes for names ("Guest", "Rohingya Issue", "Federal System").
_NOT_NAME_WORDS = frozenset(
    """guest guests issue issues system information republic award awards prize archive mou
    honour honor day week festival forum summit programme program project initiative""".split()
)
_PATRONYMIC_PARTICLES = frozenset("bin bint ibn binti".split())
_NAME_PARTICLES = frozenset("bin bint ibn al de da dos van von el".split())
_EVENT_WORDS = frozenset(
    "forum summit meeting conference festival week fair expo dialogue session".split()
)
_CONNECTORS = frozenset("of for and the on in de du des la le del van von".split())
_PERSON_NAME = re.compile(
    r"^[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:bin|bint|ibn|al|Al|de|da|dos|van|von|el|[A-ZÀ-Ý][\w'’.-]*)){0,7}$"
)
_APPOSITION = re.compile(
    r"^\s*,\s*(?:the\s+)?(?P<title>[A-Za-z][\w -]{0,60}?)\s+(?:of|at)\s+(?:the\s+)?"
    r"(?P<of>[A-Z][^,;()]{1,90}?)(?:\s+\((?P<acr>[A-Z][A-Za-z&.-]{1,11})\))?\s*[,;.)]"
)
_PRE_APPOSITION = re.compile(
    r"(?P<title>(?:[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*)\s+of\s+(?:the\s+)?"
    r"(?P<of>(?:Republic of |Kingdom of |State of )?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})"
    r"(?:\s+(?:to|in)\s+(?P<to>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}))?\s*,\s*$"
)


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: `Doc.text` joins every token on each call."""
    text = doc.user_data.get("dkg_text")
    if text is None:
        text = doc.user_data["dkg_text"] = doc.text
    return text


@dataclass
class ArticleEntities:
    """Entities of one article, each under the name the article uses most fully."""

    organizations: dict[str, OrganizationMention] = field(default_factory=dict)
    persons: dict[str, PersonMention] = field(default_factory=dict)
    places: dict[str, PlaceMention] = field(default_factory=dict)
    place_surfaces: dict[str, set[str]] = field(default_factory=dict)  # how the text wrote each
    acronyms: dict[str, str] = field(default_factory=dict)
    credited: set[str] = field(default_factory=set)  # folded names of the article's sources
    # "the Egyptian and Qatari Culture Ministries": one phrase naming several bodies
    shared_mentions: dict[str, list[str]] = field(default_factory=dict)

    def organization_named(self, surface: str) -> OrganizationMention | None:
        key = fold(surface)
        for org in self.organizations.values():
            if key == fold(org.name) or key in {fold(a) for a in org.aliases}:
                return org
        return None

    def organization_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the text writes the names of organizations of more than one word."""
        return [match.span() for org in self.organizations.values()
                for name in (org.name, *org.aliases) if name and " " in name
                for match in re.finditer(re.escape(name), text)]

    def person_named(self, surface: str) -> PersonMention | None:
        key = fold(surface)
        for person in self.persons.values():
            if key == fold(person.name) or key in {fold(a) for a in person.aliases}:
                return person
        return None


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms defined in the text as "Long Form (ACR)", mapped to their long form."""
    found: dict[str, str] = {}
    for match in _ACRONYM_DEFINITION.finditer(text):
        words = match["long"].split()
        while words and words[0].lower() in _CONNECTORS:
            words.pop(0)
        acronym = match["acr"].replace(".", "")
        initials = "".join(w[0] for w in words if w[0].isupper())
        # Keep the shortest tail of the long form whose initials spell the acronym.
        for start in range(len(words)):
            tail = [w for w in words[start:]]
            if tail and tail[0][0].isupper():
                tail_initials = "".join(w[0] for w in tail if w[0].isupper())
                if tail_initials.upper().startswith(acronym[:2].upper()) and len(tail) >= 2:
                    found[acronym] = " ".join(tail)
                    break
        else:
            if initials:
                found[acronym] = " ".join(words)
    return found


def collect_entities(doc: Doc, *, countries: CountryIndex, places: PlaceIndex,
                     credits: list[str] = ()) -> ArticleEntities:
    """Every organization, person and place the article names; `credits` are the sources
    it credits (its dateline's agency, "ASTANA, May 29 (Xinhua) --", and source lines)."""
    acronyms = find_acronyms(doc_text(doc))
    # "news agencies of Burkina Faso (AIB)": the acronym names the agency, not the country.
    entities = ArticleEntities(acronyms={acronym: long_form for acronym, long_form in
                                         acronyms.items() if countries.lookup(long_form) is None})
    for acronym, long_form in entities.acronyms.items():
        _add_organization(entities, long_form, countries, aliases=[acronym])
    for known, _surface in known_in(doc):
        _add_organization(entities, known.name, countries, aliases=list(known.aliases))
    for unit, full, parent in _units_after_acronyms(doc_text(doc), entities.acronyms):
        org = _add_organization(entities, unit, countries, aliases=[full])
        if org is not None and org.part_of is None:
            org.part_of = parent
    for credit in credits:  # the agencies it credits are organizations of the article
        _add_agency(entities, credit, countries, places)
    for chunk in _listed_organizations(doc_text(doc)):
        _add_organization(entities, chunk, countries)
    _link_affiliates(entities, doc_text(doc), countries)
    for span in _titled_names(doc, countries):
        _add_person_span(entities, doc, span, countries)
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            _add_person_span(entities, doc, ent, countries)
        elif ent.label_ == "ORG":
            if _looks_like_person(ent, countries):
                _add_person_span(entities, doc, ent, countries)
            else:
                _add_organization_span(entities, ent, countries)
        elif ent.label_ in ("GPE", "LOC", "FAC"):
            _add_place(entities, ent, countries, places)
    _add_listed_organizers(entities, doc_text(doc), countries)
    for phrase, names in _bodies_of_several_countries(doc, countries):
        orgs = [org for name in names if (org := _add_organization(entities, name, countries))]
        entities.shared_mentions[phrase] = [org.name for org in orgs]
    for name in _unrecognised_organizers(doc, entities, places):
        _add_organization(entities, name, countries, aliases=[name])
    for name in _cities_in_context(doc_text(doc), places, countries):
        _add_city(entities, name, places)
    _drop_venues(entities, doc)
    _fold_short_person_names(entities)
    _fold_acronym_variants(entities)
    _fold_cut_names(entities)
    _drop_cross_label_duplicates(entities, places)
    return entities


def _add_agency(entities: ArticleEntities, credit: str, countries: CountryIndex,
                places: PlaceIndex) -> None:
    """The agencies a dateline or source line credits ("(Xinhua)", "(MENAFN- The
    Peninsula)", "(UrduPoint / Pakistan Point News - 14th Sep, 2024)"), each a known agency
    or a name that is neither a country nor a city."""
    for part in re.split(r"\s*(?:/|\||-\s|–|—)\s*", credit):
        part = part.strip(" -")
        if not part or re.search(r"(?<![\w.])\d", part):
            continue  # a date or a time: "14th Sep, 2024" (but "bdnews24.com" is a name)
        named = re.fullmatch(r"(?P<name>.+?)\s*\((?P<acr>[A-Z]{2,8})\)", part)
        name, aliases = (named["name"], [named["acr"]]) if named else (part, [])
        org = None
        if (known := KnownOrganizations.default().lookup(name)) is not None:
            org = _add_organization(entities, known.name, countries, aliases=list(known.aliases))
        elif countries.lookup(name) is None and places.country_of_city(name) is None:
            org = _add_organization(entities, name, countries, aliases=aliases)
        if org is not None:
            entities.credited.add(fold(org.name))


def _drop_venues(entities: ArticleEntities, doc: Doc) -> None:
    """A name without a word of a body that the text only ever uses as where something is
    ("at the Megaron concert hall", "held at Wisma Indonesia House") is a venue."""
    text = doc_text(doc)
    for key, org in list(entities.organizations.items()):
        if org.aliases or any(w.lower() in ORGANIZATION_HEADS for w in org.name.split()):
            continue
        mentions = [doc.char_span(m.start(), m.end(), alignment_mode="expand")
                    for m in whole_words(org.name).finditer(text)]
        if mentions and all(span is not None and _is_where(span) for span in mentions):
            del entities.organizations[key]


def _is_where(span: Span) -> bool:
    """Whether the phrase a mention heads is the object of "at": "at the X (concert hall)"."""
    phrase = span.root
    while phrase.dep_ in ("compound", "nmod", "amod") and phrase.head is not phrase:
        phrase = phrase.head
    return phrase.dep_ == "pobj" and phrase.head.lower_ == "at"


def _drop_cross_label_duplicates(entities: ArticleEntities, places: PlaceIndex) -> None:
    """NER sometimes tags one name twice or wrongly: a person's surname as an organization,
    an outlet as a person, an acronym or a city as a person."""
    name_parts = {part for p in entities.persons.values() for part in p.name.split()}
    person_names = {fold(n) for p in entities.persons.values() for n in (p.name, *p.aliases)}
    for key, org in list(entities.organizations.items()):
        if fold(org.name) in entities.credited:
            continue  # the article's source, whatever NER called its name
        if " " not in org.name and org.name in name_parts and not org.aliases:
            del entities.organizations[key]
        elif (fold(org.name) in person_names and not org.aliases
              and not any(w.lower() in ORGANIZATION_HEADS for w in org.name.split())):
            del entities.organizations[key]  # a person's name with no word of a body
    known_orgs = {fold(n) for o in entities.organizations.values() for n in (o.name, *o.aliases)}
    for key, person in list(entities.persons.items()):
        if (
            fold(person.name) in known_orgs
            or person.name.isupper()
            or (" " not in person.name and (places.is_city(person.name)
                                            or not _could_be_surname(person.name)))
            or (not person.titles and places.is_city(person.name))  # "Buenos Aires"
        ):
            del entities.persons[key]


def _could_be_surname(word: str) -> bool:
    """A lone capitalised word NER called a person: "Tokayev" may be one; "Sheikh",
    "Mayors", "Forum", "Sharing" are not."""
    lower = word.lower()
    singular = lower[:-1] if lower.endswith("s") else lower
    vocabulary = HONORIFICS | TITLE_HEADS | TITLE_MODIFIERS | ORGANIZATION_HEADS
    return not (lower in vocabulary or singular in vocabulary or lower.endswith("ing")
                or lower in _EVENT_WORDS)


def _titled_names(doc: Doc, countries: CountryIndex) -> list[Span]:
    """Names that follow a title ("Uzbek Ambassador to China Bakhtiyor Yusupov"), whatever
    NER made of them: a small model often misses foreign names in that position."""
    spans = []
    for token in doc:
        if token.lower_ not in TITLE_HEADS or not token.text[:1].isupper():
            continue
        i = token.i + 1
        while i < len(doc) and (
            doc[i].lower_ in TITLE_MODIFIERS or doc[i].lower_ in TITLE_HEADS
            or doc[i].lower_ in ("of", "to", "for", "the", "and", "-")
            or doc[i].lower_ in HONORIFICS
            or (doc[i].text[:1].isupper() and countries.lookup(doc[i].text) is not None)
        ):
            i += 1
        if i < len(doc) and doc[i].text == "," and i > token.i + 1:
            i += 1  # "Ambassador of Indonesia to Colombia, Priyo Iswanto"
        start = i
        while i < len(doc) and i - start < 8 and (
            (doc[i].is_alpha and doc[i].text[:1].isupper() and not doc[i].is_sent_start)
            or (doc[i].text == "-" and i > start)
            or (i > start and doc[i - 1].text == "-" and doc[i].is_alpha)  # "Dae-sung"
            or (doc[i].lower_ in _NAME_PARTICLES and i > start and i + 1 < len(doc)
                and doc[i + 1].text[:1].isupper())
        ):
            if doc[i].lower_ in ORGANIZATION_HEADS or doc[i].lower_ in TITLE_HEADS:
                break
            i += 1
        if i - start >= 2:
            spans.append(doc[start:i])
    return spans


def _strip_span(ent: Span, countries: CountryIndex) -> tuple[list[str], list[str]]:
    """Split a span's words into a leading prefix (titles, honorifics, countries) and the
    name proper."""
    words = [t.text for t in ent]
    prefix: list[str] = []
    while len(words) > 1 and (
        words[0].lower() in HONORIFICS
        or words[0].lower() in TITLE_HEADS
        or words[0].lower() in TITLE_MODIFIERS
        or countries.lookup(words[0]) is not None
        or words[0].lower() in ("the", "to", "of")
    ):
        prefix.append(words.pop(0))
    while words and words[-1] in ("'s", "’s", ",", "."):
        words.pop()
    return prefix, words


def _looks_like_person(ent: Span, countries: CountryIndex) -> bool:
    """An ORG span that is really a person: a title before it (or a title and comma:
    "President of X, Name"), no organization word in it, a name's shape."""
    if any(t.lower_ in ORGANIZATION_HEADS for t in ent):
        return False
    if _listed_with_a_person(ent):
        return True  # "Mohamed Azzouz and Sameh Alhajri explained ..."
    prefix, words = _strip_span(ent, countries)
    if len(words) >= 3 and any(w in _PATRONYMIC_PARTICLES for w in words[1:-1]):
        return True  # "Ahmed bin Mohammed bin Rashid Al Maktoum": a person's name
    if not words or not 2 <= len([w for w in words if w != "-"]) <= 5:
        return False
    name = _span_text(ent, len(prefix))
    if not _PERSON_NAME.match(name) or countries.lookup(name) is not None:
        return False
    if any(w.lower() in TITLE_HEADS for w in prefix):
        return True
    title, _ = _title_before(ent.doc, ent.start + len(prefix), countries)
    return title is not None or _pre_apposition(ent.doc, ent.start + len(prefix)) is not None


def _listed_with_a_person(ent: Span) -> bool:
    """Whether the parse lists the span with names NER calls persons, and with nothing else:
    the items of "A and B explained" are of one kind."""
    first = ent.root
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    items, stack = [first], [first]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj":
                items.append(child)
                stack.append(child)
    others = [t for t in items if not ent.start <= t.i < ent.end]
    return bool(others) and all(t.ent_type_ == "PERSON" for t in others)


def _span_text(ent: Span, skip: int) -> str:
    """The span's text from its `skip`-th token on, without a closing possessive."""
    tokens = [t for t in ent[skip:]]
    while tokens and tokens[-1].text in ("'s", "’s", ",", "."):
        tokens.pop()
    if not tokens:
        return ""
    return doc_text(ent.doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def _pre_apposition(doc: Doc, start: int) -> re.Match | None:
    """ "Ambassador of Kazakhstan to Türkiye, <Name>": the title standing before a comma."""
    before = doc_text(doc)[max(0, doc[start].idx - 160) : doc[start].idx]
    match = _PRE_APPOSITION.search(before)
    if match and any(w.lower() in TITLE_HEADS for w in match["title"].split()):
        return match
    return None


def _join(words: list[str]) -> str:
    return re.sub(r"\s+([’'-])\s*|(-)\s+", lambda m: m.group(0).strip(), " ".join(words))


def _add_person_span(
    entities: ArticleEntities, doc: Doc, ent: Span, countries: CountryIndex
) -> None:
    prefix, words = _strip_span(ent, countries)
    name = _span_text(ent, len(prefix)) if words else ""
    if not name or not _PERSON_NAME.match(name) or countries.lookup(name) is not None:
        return
    if any(w.lower() in ORGANIZATION_HEADS | _NOT_NAME_WORDS for w in name.split()):
        return
    start = ent.start + len(prefix)
    title, country = _title_before(doc, start, countries)
    if title is None and (match := _pre_apposition(doc, start)) is not None:
        title = re.sub(r"^(?:the|The)\s+", "", match.group(0).rstrip(", ").strip())
        title = title[:1].upper() + title[1:]
        of = countries.lookup(match["of"])
        country = of.iso3 if of else None
    person = entities.person_named(name) or entities.persons.setdefault(
        fold(name), PersonMention(name=name)
    )
    if title and title not in person.titles:
        person.titles.append(title)
    if country and person.country is None:
        person.country = country
    _read_apposition(entities, doc, ent.end, person, countries)


def _title_before(doc: Doc, start: int, countries: CountryIndex) -> tuple[str | None, str | None]:
    """The title written just before a name ("Kazakh President", "Uzbek Ambassador to China")
    and the country it makes the person represent."""
    i = start - 1
    words: list[str] = []
    while i >= 0:
        token = doc[i]
        lower = token.lower_
        if lower in HONORIFICS or lower in ("'s", "’s"):
            i -= 1
            continue
        capital_word = token.text[:1].isupper() and token.is_alpha or token.text in ("-",)
        if (
            lower in TITLE_HEADS
            or lower in TITLE_MODIFIERS
            or (lower in ("of", "to", "for", "and") and words)
            or (capital_word and countries.lookup(token.text) is not None)
        ):
            words.insert(0, token.text)
            i -= 1
            continue
        break
    while words and words[0].lower() in ("of", "to", "for", "and"):
        words.pop(0)
    while words and words[-1].lower() in ("of", "to", "for", "and"):
        words.pop()
    if not any(w.lower() in TITLE_HEADS for w in words):
        return None, None
    country = None
    if countries.lookup(words[0]) is not None:
        country = countries.lookup(words.pop(0)).iso3
    text = " ".join(words)
    of = re.search(r"\bof (?:the )?(.+?)(?: to | in |$)", text)
    if country is None and of:
        match = countries.lookup(of.group(1))
        country = match.iso3 if match else None
    return (text or None), country


def _read_apposition(
    entities: ArticleEntities, doc: Doc, end: int, person: PersonMention, countries: CountryIndex
) -> None:
    """ "Name, president of Some Organization (ACR)," -> title and affiliation."""
    tail = doc_text(doc)[doc[end - 1].idx + len(doc[end - 1].text) :][:200]
    match = _APPOSITION.match(tail)
    if match is None or not any(w.lower() in TITLE_HEADS for w in match["title"].split()):
        return
    target = match["of"].strip()
    country = countries.lookup(target)
    title = match["title"].strip()
    if target.split()[0].lower() in TITLE_MODIFIERS:
        # "Minister of Defense of the Kingdom of Saudi Arabia": a portfolio, not a body
        hits = countries.find_all(target)
        if hits and person.country is None:
            person.country = hits[0].match.iso3
        full_title = f"{title[:1].upper()}{title[1:]} of {target}"
        if full_title not in person.titles:
            person.titles.append(full_title)
        return
    if country is not None:
        person.country = person.country or country.iso3
        full_title = f"{title[:1].upper()}{title[1:]} of {country.name}"
        if full_title not in person.titles:
            person.titles.append(full_title)
        return
    org = _add_organization(entities, target, countries,
                            aliases=[match["acr"]] if match["acr"] else [])
    if org is None:
        return
    person.organization = org.name
    person.organization_title = title
    full_title = f"{title[:1].upper()}{title[1:]} of {org.name}"
    if full_title not in person.titles:
        person.titles.append(full_title)


_QUOTES = "\"'“”‘’«»"


def _opens_a_quoted_title(ent: Span) -> bool:
    """Whether the span starts a quotation that goes on after it: the words of a theme or
    a title in quotes, not a name."""
    text = doc_text(ent.doc)
    before = text[:ent.start_char].rstrip()
    after = text[ent.end_char:].lstrip()
    return (before[-1:] in _QUOTES and before[-1:] != "" and after[:1] not in _QUOTES
            and after[:1].isalpha())


def _for_whom(ent: Span) -> str:
    """ " for Africa" when NER stopped a body's name before the "for" that ends it ("the
    Economic Commission for Africa", "the Center for the Americas"); "" otherwise."""
    doc = ent.doc
    if ent[-1].lower_ not in ORGANIZATION_HEADS or ent.end + 1 >= len(doc):
        return ""
    if doc[ent.end].lower_ != "for":
        return ""
    end = ent.end + 1
    if doc[end].lower_ == "the" and end + 1 < len(doc):
        end += 1
    if doc[end].pos_ != "PROPN" or doc[end].ent_type_ not in ("GPE", "LOC", "NORP"):
        return ""
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].ent_iob_ == "I":
        end += 1
    return " " + doc[ent.end:end + 1].text


def _acronym_after(ent: Span) -> str | None:
    """The one-word, all-capitals organization NER finds right after the span, if any."""
    doc = ent.doc
    if ent.end >= len(doc):
        return None
    following = doc[ent.end]
    alone = ent.end + 1 == len(doc) or doc[ent.end + 1].ent_iob_ != "I"
    if (following.ent_iob_ == "B" and following.ent_type_ == "ORG" and alone
            and following.is_upper and len(following.text) >= 3 and ent.text[-1:].isalpha()):
        return following.text
    return None


def _add_organization_span(entities: ArticleEntities, ent: Span, countries: CountryIndex) -> None:
    text = ent.text.strip().split("\n")[0].strip()
    if not _organization_shaped(ent, countries):
        return
    words = text.split()
    title_at = next((i for i, w in enumerate(words) if i and w.lower() in TITLE_HEADS), None)
    if title_at is not None:  # "European Union High Representative": the body, not the post
        words = words[:title_at]
        while words and (words[-1].lower() in TITLE_MODIFIERS or words[-1].lower()
                         in _CONNECTORS):
            words.pop()
        if not words:
            return
        text = " ".join(words)
    text += _for_whom(ent)  # "United Nations Economic Commission" + " for Africa"
    if (acronym := _acronym_after(ent)) is not None:
        # "Russian News Agency TASS": the agency's description and its name, one body
        described = re.sub(r"^(?:the|The)\s+", "", text)
        _add_organization(entities, acronym, countries, aliases=[f"{described} {acronym}"])
        return
    country = None
    # "China's People's Daily" -> People's Daily, based in China
    possessive = re.match(r"^(?P<c>[A-Z][\w -]+?)['’]s\s+(?P<rest>.+)$", text)
    if possessive and countries.lookup(possessive["c"]) is not None:
        country = countries.lookup(possessive["c"]).iso3
        text = possessive["rest"]
    org = _add_organization(entities, text, countries)
    if org is not None and country and org.country is None:
        org.country = country
    under = re.match(r"\s+under\s+(?:the\s+)?(?P<parent>[A-Z][A-Za-z&.-]{1,11}\b|"
                     r"[A-Z][\w'’-]*(?:\s+(?:of|for|and|[A-Z][\w'’-]*)){1,8})",
                     doc_text(ent.doc)[ent.end_char:ent.end_char + 120])
    if org is not None and under and org.part_of is None:
        parent = under["parent"].rstrip(".")
        org.part_of = entities.acronyms.get(parent, parent)


_UNIT_AFTER_ACRONYM = re.compile(
    r"\((?P<acr>[A-Z][A-Za-z&.-]{1,11})\)\s+(?P<unit>[A-Z][\w'’-]*"
    r"(?:\s+(?:[A-Z][\w'’-]*|for|of|the)){0,6})"
)


def _units_after_acronyms(text: str, acronyms: dict[str, str]) -> list[tuple[str, str, str]]:
    """ "China International Communications Group (CICG) Center for the Americas": a unit of
    CICG named "CICG Center for the Americas". Gives (name, written form, parent)."""
    units = []
    for match in _UNIT_AFTER_ACRONYM.finditer(text):
        acronym = match["acr"]
        words = match["unit"].split()
        while words and words[-1].lower() in _CONNECTORS:
            words.pop()
        if acronym not in acronyms or not any(w.lower() in ORGANIZATION_HEADS for w in words):
            continue
        unit = " ".join(words)
        units.append((f"{acronym} {unit}", f"{acronyms[acronym]} ({acronym}) {unit}",
                      acronyms[acronym]))
    return units


_AFFILIATES = re.compile(
    r"\b(?:its|their)\s+(?:various\s+|many\s+|several\s+)?(?:affiliated\s+(?:institutions|"
    r"organi[sz]ations|units|companies|agencies|bodies|outlets)|affiliates|subsidiaries|"
    r"member\s+(?:organi[sz]ations|agencies|institutions)|subordinate\s+\w+)"
    r",?\s+(?:including|such as|namely)\s+(?P<list>[^.;]+)"
)


def _link_affiliates(entities: ArticleEntities, text: str, countries: CountryIndex) -> None:
    """ "CICG attended through its affiliated institutions, including A, B and C": A, B and
    C are parts of the organization the sentence opened with."""
    for match in _AFFILIATES.finditer(text):
        sentence_start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0,
                                                                          match.start())) + 1
        before = text[sentence_start:match.start()]
        named = [(before.find(n), org) for org in entities.organizations.values()
                 for n in (org.name, *org.aliases) if n and n in before]
        if not named:
            continue
        parent = min(named, key=lambda pair: pair[0])[1]
        for chunk in re.split(r",\s*(?:and\s+)?|\s+and\s+", match["list"]):
            chunk = re.sub(r"^(?:the)\s+", "", chunk.strip())
            if chunk and chunk[0].isupper():
                org = _add_organization(entities, chunk, countries)
                if org is not None and org is not parent and org.part_of is None:
                    org.part_of = parent.name


_LIST_CUE = re.compile(r"\b(?:including|such as|among them|namely)\s+(?P<list>[^.;:]+)")


def _bodies_of_several_countries(doc: Doc, countries: CountryIndex
                                 ) -> list[tuple[str, list[str]]]:
    """ "the Egyptian and Qatari Culture Ministries", "the Ministries of Culture of Egypt and
    Qatar": one phrase, one body per country, read off the parse. Returns the phrase and the
    bodies' names ("Ministry of Culture of Egypt", ...)."""
    found = []
    plural_tags = {doc.vocab.strings["NNS"], doc.vocab.strings["NNPS"]}
    plurals = [i for i, tag in enumerate(doc.to_array("TAG")) if tag in plural_tags]
    for head in (doc[i] for i in plurals):
        if not head.is_title:
            continue  # "media organizations" of two countries name no body
        singular = _singular(head.text)
        if singular.lower() not in ORGANIZATION_HEADS:
            continue
        nations, portfolio = [], []
        for child in head.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i < head.i:
                group = _with_conjuncts(child)
                codes = [countries.lookup(t.text) for t in group]
                if all(codes):
                    nations += [c.iso3 for c in codes]
                elif child.dep_ == "compound" and child.is_title:
                    portfolio.append(child.text)
            elif child.dep_ == "prep" and child.lower_ == "of":
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    codes = [countries.lookup(t.text) for t in _with_conjuncts(pobj)]
                    if all(codes):
                        nations += [c.iso3 for c in codes]
                    elif pobj.is_title:
                        portfolio.append(pobj.text)
                        nations += _countries_of(pobj, countries)
        nations = list(dict.fromkeys(nations))
        if len(nations) >= 2:
            body = singular.title() + (f" of {' '.join(portfolio)}" if portfolio else "")
            phrase = doc[min(t.i for t in head.subtree if t.dep_ != "det"):head.i + 1].text
            found.append((phrase, [f"{body} of {countries.name_of(n)}" for n in nations]))
    return found


def _singular(word: str) -> str:
    """ "Ministries" -> "Ministry", "Agencies" -> "Agency", "Embassies" -> "Embassy"."""
    if word.lower().endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.lower().endswith("s") else word


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *(t for t in token.subtree if t.dep_ == "conj" and t.head.i in
                     {token.i, *(c.i for c in token.subtree)})]


def _countries_of(token: Token, countries: CountryIndex) -> list[str]:
    """ "Culture of Egypt and Qatar": the countries an "of" after the word names."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
    if pobj is None:
        return []
    codes = [countries.lookup(t.text) for t in _with_conjuncts(pobj)]
    return [c.iso3 for c in codes] if all(codes) else []


def _add_listed_organizers(entities: ArticleEntities, text: str, countries: CountryIndex
                           ) -> None:
    """The bodies of a definite organizer list, whole (extract/listed_names.py); what NER
    made of their pieces, body or person, goes when the text names it nowhere else."""
    listed = definite_lists(text)
    whole = [org for item in listed
             if (org := _add_organization(entities, item.name, countries,
                                          aliases=list(item.aliases))) is not None]
    for found in (entities.organizations, entities.persons):
        for key, mention in list(found.items()):
            if any(mention is w for w in whole):
                continue
            written = [m.start() for n in (mention.name, *mention.aliases) if n
                       for m in whole_words(n).finditer(text)]
            if written and all(any(i.start <= at < i.end for i in listed) for at in written):
                del found[key]


def _unrecognised_organizers(doc: Doc, entities: ArticleEntities, places: PlaceIndex
                             ) -> list[str]:
    """Proper names the parse gives as an event's organizer ("organized by the A and the
    Platform of the B") that the recogniser missed: whoever organizes is a body or a person,
    and a name no person takes is a body's."""
    found = []
    for span in doc.spans.get(ROLES_KEY, []):
        if (span.label_ != "organizer" or span.root.tag_ not in ("NNP", "NNPS")
                or span.root.lower_ in TITLE_HEADS):
            continue  # "the Ambassador of X": a person by title
        after = doc[span.end:span.end + 2]
        if len(after) == 2 and after[0].lower_ in ("and", "&") and after[1].is_title:
            continue  # "the Federal System of Media and Public Content": where does it end?
        words = [t for t in span if not t.is_punct or t.text in "&'’-"]
        while words and words[0].pos_ in ("DET", "PRON"):
            words.pop(0)
        if not words or not words[0].text[:1].isupper():
            continue
        end = words[-1].i + 1
        if (span.root.lower_ in _MISSION_HEADS and end + 1 < len(doc) and doc[end].lower_ == "in"
                and places.is_city(doc[end + 1].text)):
            end += 2  # "the Sri Lanka Embassy in Berlin": the mission of that city
        name = doc[words[0].i:end].text
        at = span.root.idx - doc[words[0].i].idx
        known = [n for o in entities.organizations.values() for n in (o.name, *o.aliases)]
        known += [n for p in entities.persons.values() for n in (p.name, *p.aliases)]
        if any(m.start() <= at < m.end() for n in known if n
               for m in whole_words(n).finditer(name)):
            continue
        if "(" in name or places.is_city(name):
            continue
        found.append(name)
    return found


_MISSION_HEADS = frozenset("embassy consulate consulate-general mission commission".split())


def _listed_organizations(text: str) -> list[str]:
    """Organizations listed after "including", "such as": "A Press, B Press and C TV"."""
    found = []
    for match in _LIST_CUE.finditer(text):
        for chunk in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+", match["list"]):
            chunk = re.sub(r"^(?:the|its|their)\s+", "", chunk.strip())
            words = chunk.split()
            if (2 <= len(words) <= 8 and all(w[:1].isupper() or w.lower() in _CONNECTORS
                                              or w[:1].isdigit() for w in words)
                    and words[-1].lower() in ORGANIZATION_HEADS):
                found.append(chunk)
    return found


def _organization_shaped(ent: Span, countries: CountryIndex) -> bool:
    """Whether an ORG span can name an organization: not a title fragment ("Consul General
    of"), not an edition of an event ("2026 X Forum"), not a region, not a venue in a city."""
    words = ent.text.split()
    if words[-1].lower() in ("of", "and", "for", "the", "to", "in"):
        return False
    if words[0].lower() in TITLE_HEADS or ent[0].tag_ in ("VB", "VBP"):
        return False  # "Deepen Media Cooperation and ...": a slogan's verb, not a name
    if _opens_a_quoted_title(ent):
        return False  # the theme was "Deepen Media Cooperation and Contribute to ...""
    before = ent.doc[max(0, ent.start - 2):ent.start]
    if (len(before) == 2 and before[0].lower_ in TITLE_HEADS and before[1].lower_ in ("of", "for")
            and not any(w.lower() in ORGANIZATION_HEADS for w in words)):
        return False  # "Minister for Communication and Information Technology": a portfolio
    content = [w.lower() for w in words if w.lower() not in _CONNECTORS]
    if all(w in TITLE_HEADS or w in TITLE_MODIFIERS or w in HONORIFICS for w in content):
        return False  # "Foreign Affairs", "Permanent Representative": pieces of a title
    if _VENUE_NAME.search(ent.text) or words[-1].lower() in _PLACE_HEADS:
        return False
    if words[-1] in _EVENT_NAME_HEADS:
        return False  # "Indonesian Film Week": an event's name
    before = ent.doc[ent.start - 1].text if ent.start else ""
    if re.fullmatch(r"(?:19|20)\d\d|\d+(?:st|nd|rd|th)", before):
        return False
    if countries.is_region(ent.text):
        return False
    has_head = any(w.lower() in ORGANIZATION_HEADS for w in words)
    after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    if not has_head and after in TITLE_HEADS:
        return False  # "Latvian Transport Minister": a portfolio before a title
    return has_head or not any(PlaceIndex.default().is_city(w) for w in words)


def _add_organization(
    entities: ArticleEntities, name: str, countries: CountryIndex, *, aliases: list[str] = ()
) -> OrganizationMention | None:
    name = re.sub(r"^(?:the|The)\s+", "", name.strip()).strip(" ,.;:\"“”‘’'")
    name = re.sub(r"^[A-Z]{2,}-\s+(?=[A-Z])", "", name)  # "MENAFN- Kuwait News Agency"
    name = re.sub(r"(?:\s+(?:of|for|and|the|on|in|to))+$", "", name)  # "Chinese Government on"
    words = name.split()
    if (len(words) > 2 and words[-2].lower() in ORGANIZATION_HEADS
            and (match := countries.lookup(words[-1])) is not None and match.is_demonym):
        name = " ".join(words[:-1])  # "ASEAN-China Centre Chinese": the next phrase's word
    if len(name) < 2 or countries.lookup(name) is not None or not could_be_organization(name):
        return None
    if _place_then_clause(name, countries):
        return None
    if name in entities.acronyms:  # a bare acronym: the organization it stands for
        name = entities.acronyms[name]
        if not could_be_organization(name):
            return None  # "GDI": the Global Development Initiative, no body
    parent = None
    under = re.match(r"^(?P<part>.+?)\s+under\s+(?:the\s+)?(?P<parent>[A-Z].+)$", name)
    if under:  # "Center for X under CICG": a part of CICG, not CICG
        name = under["part"]
        parent = entities.acronyms.get(under["parent"], under["parent"])
    # Known under any of its names: "Alliance of Sahel States" is the "Sahel States Alliance
    # (AES)" the article defined.
    org = next((found for n in (name, *aliases) if n
                and (found := entities.organization_named(n)) is not None), None)
    if org is None:
        org = entities.organizations.setdefault(fold(name), OrganizationMention(name=name))
    elif name != org.name and name not in org.aliases:
        org.aliases.append(name)
    for alias in aliases:
        if alias and alias not in org.aliases and alias != org.name:
            org.aliases.append(alias)
    if parent and org.part_of is None:
        org.part_of = parent
    if org.country is None:
        org.country = _country_in_name(org.name, countries)
    return org


_GENERIC_BODY_WORDS = frozenset("alliance bloc organization organisation group grouping".split())
_GENERIC_PLURALS = frozenset(
    """groups sub-groups subgroups chairs co-chairs governors mayors resources ministers
    leaders members delegates officials representatives experts participants partners
    sides parties authorities""".split()
)
_NOT_BODY_HEADS = frozenset("initiative initiatives policy strategy agenda doctrine".split())
_VESSEL_PREFIXES = frozenset("MV MS SS MT HMS USS INS RFS".split())


# Lower-case words a name of a body may hold: connectors, words that head a body ("TASS
# news agency"), and a few of other languages.
_NAME_LOWER_WORDS = _CONNECTORS | ORGANIZATION_HEADS | frozenset(
    "news publishing under countries et y da dos das al el und at d'".split())


def could_be_organization(name: str) -> bool:
    """Not a title ("Foreign Affairs", "Minister of State"), not a generic plural ("Working
    Groups", "Argentine Governors"), not a ship ("MV Heroic Idun"), not a piece of a
    sentence ("India to Mexico said that", "ACC attended the forum") or of a photo credit
    ("Xinhua/Zhang Ling")."""
    words = name.split()
    if "/" in name or any(c in name for c in "[]{}"):
        return False
    if not re.search(r"[A-Za-z]", name):
        return False  # a caption in another script ("ШОС"): the English text names it too
    if any(w[:1].islower() and w.lower() not in _NAME_LOWER_WORDS and not _SITE.fullmatch(w)
           for w in words):
        return False
    lowered = [w.lower() for w in words]
    if any(a == "and" and b in TITLE_HEADS for a, b in zip(lowered, lowered[1:], strict=False)):
        return False  # "Dubai and Chairman of the Dubai Media Council": a run of titles
    if lowered[-2:] in (["member", "states"], ["member", "countries"]):
        return False  # "ASEAN Member States": the members, not a body
    content = [w.lower() for w in words if w.lower() not in _CONNECTORS]
    if not content or all(w in TITLE_HEADS or w in TITLE_MODIFIERS or w in HONORIFICS
                          for w in content):
        return False
    if words[-1].lower() in _GENERIC_PLURALS or words[0] in _VESSEL_PREFIXES:
        return False
    if words[-1].lower() in _NOT_BODY_HEADS:
        return False  # "Belt and Road Initiative", "One-China Policy": what bodies pursue
    if len(words) == 1 and words[0].lower() in (ORGANIZATION_HEADS | _GENERIC_BODY_WORDS
                                                | _NOT_NAME_WORDS):
        return False  # "News", "Alliance": the head of a name cut off from the rest
    return True


_SITE = re.compile(r"[\w-]+\.(?:com|net|org|cn|in|pk|bd)")  # "bdnews24.com": a site's name


def _place_then_clause(name: str, countries: CountryIndex) -> bool:
    """ "Senegal to China", "Sri Lanka in Hanoi", "UAE and Ruler of Dubai": a country and
    what a title says next (an ambassador's posting, a ruler's realm), not a body."""
    hit = next(iter(countries.find_all(name)), None)
    if hit is None or hit.start != 0:
        return False
    rest = name[hit.end:].split()
    return bool(rest) and rest[0] in ("to", "in", "and")


def _country_in_name(name: str, countries: CountryIndex) -> str | None:
    """The country an organization's own name places it in ("Kazakh ... Administration")."""
    hits = countries.find_all(name)
    return hits[0].match.iso3 if hits else None


def _add_place(
    entities: ArticleEntities, ent: Span, countries: CountryIndex, places: PlaceIndex
) -> None:
    name = re.sub(r"^(?:the|The)\s+", "", ent.text).strip()
    if countries.lookup(name) is not None:
        return
    if not places.is_city(name):  # "Santiago de Chile", "Kazan, Tatarstan": the city first
        name = re.split(r"\s+(?:de|del|do|da)\s+|,\s*", name)[0]
    _add_city(entities, name, places)


def _add_city(entities: ArticleEntities, name: str, places: PlaceIndex) -> None:
    """A city the text names, once per city, with every spelling the text used for it."""
    mention = places.mention(name)
    if mention is None:
        return
    key = fold(mention.canonical or mention.name)
    entities.places.setdefault(key, mention)
    entities.place_surfaces.setdefault(key, set()).add(name)


_CITY_CONTEXT = re.compile(
    r"(?:\b(?:in|at|to|from|of)\s+|,\s+)(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)
MIN_GAZETTEER_POPULATION = 100_000


def _cities_in_context(text: str, places: PlaceIndex, countries: CountryIndex) -> list[str]:
    """Large cities written where a place is expected ("in Santiago de Chile", "Ministry of
    Defence, Rawalpindi"), whatever label NER gave them."""
    found = []
    for match in _CITY_CONTEXT.finditer(text):
        words = match["name"].split()
        for size in range(len(words), 0, -1):
            candidate = " ".join(words[:size])
            if countries.lookup(candidate) is not None:
                break  # "Kazakh", "Uzbek": a demonym, whatever a gazetteer lists
            city = places.find(candidate)
            if city is not None and city.population >= MIN_GAZETTEER_POPULATION:
                found.append(candidate)
                break
    return found


def _fold_acronym_variants(entities: ArticleEntities) -> None:
    """ "NATO Alliance" beside "NATO": the same body under a longer form. "GCC Supreme
    Council" is a part of the GCC, not the GCC, so only generic words may follow."""
    for key, org in list(entities.organizations.items()):
        words = org.name.split()
        first = words[0]
        if (len(words) != 2 or not first.isupper() or len(first) < 2
                or words[1].lower() not in _GENERIC_BODY_WORDS):
            continue
        base = entities.organization_named(first)
        if base is not None and base is not org:
            if org.name not in base.aliases:
                base.aliases.append(org.name)
            del entities.organizations[key]


def _fold_cut_names(entities: ArticleEntities) -> None:
    """ "Xinhua News" beside "Xinhua News Agency", "South Asia Network Television" beside
    "South Asia Network Television Media Group": a name cut before its head words is the
    longer name's body when only such words are missing."""
    for key, org in sorted(entities.organizations.items(), key=lambda kv: len(kv[1].name)):
        words = org.name.split()
        if len(words) < 2:
            continue
        fuller = [other for other in entities.organizations.values()
                  if other is not org and other.name.split()[:len(words)] == words
                  and all(w.lower() in _CUT_HEAD_WORDS for w in other.name.split()[len(words):])]
        if len(fuller) == 1:
            target = fuller[0]
            for alias in (org.name, *org.aliases):
                if alias not in target.aliases and alias != target.name:
                    target.aliases.append(alias)
            del entities.organizations[key]


# Words that complete a name without naming another body ("Commission" does: the African
# Union Commission is not the African Union).
_CUT_HEAD_WORDS = _GENERIC_BODY_WORDS | frozenset(
    "news agency media corporation company network holding holdings inc ltd llc plc".split())


def _fold_short_person_names(entities: ArticleEntities) -> None:
    """A shorter reference inside an article ("Tokayev", "Lula", "Marcelo Rebelo", "Sheikh
    Abdullah") is the one person whose fuller name contains its words in order."""
    for key, person in sorted(entities.persons.items(), key=lambda kv: len(kv[1].name)):
        words = [w for w in person.name.split() if w.lower() not in HONORIFICS]
        fuller = [
            p for p in entities.persons.values()
            if p is not person and len(p.name.split()) > len(words) and _in_order(words, p.name)
        ]
        if len(fuller) == 1:
            target = fuller[0]
            for alias in (person.name, *person.aliases):
                if alias not in target.aliases and alias != target.name:
                    target.aliases.append(alias)
            target.titles.extend(t for t in person.titles if t not in target.titles)
            target.country = target.country or person.country
            target.organization = target.organization or person.organization
            target.organization_title = target.organization_title or person.organization_title
            del entities.persons[key]


def _in_order(words: list[str], name: str) -> bool:
    """Whether `words` appear in `name` in the same order (as whole words)."""
    remaining = [fold(w) for w in name.split()]
    for word in (fold(w) for w in words):
        if word not in remaining:
            return False
        remaining = remaining[remaining.index(word) + 1 :]
    return bool(words)


# The words before an organization that make it part of someone's title: "head of the",
# "a member of the Political Bureau of the", "Ambassador of ... to".
# "A member of" is a title only as an apposition ("Huang, a member of the ..."), not in
# "Chile, as a member of the Pacific Alliance".
_TITLE_OF = re.compile(
    r"(?:\b(?:" + "|".join(sorted(TITLE_HEADS | {"head"}, key=len, reverse=True))
    + r")|^\s*(?:and\s+)?an?\s+members?)"
    r"\s+of\s+(?:the\s+)?(?:(?:[A-Z][\w'’&-]*|\([A-Z][\w.&-]*\))\s+"
    r"(?:(?:and|of|for)\s+(?:the\s+)?)?)*$",
    re.IGNORECASE,
)


def drop_names_inside_titles(entities: ArticleEntities, text: str,
                             events: list[EventMention]) -> list[OrganizationMention]:
    """An organization the article only names inside people's titles ("head of the
    Publicity Department of the CPC Central Committee") is part of who they are, not a
    party of the story: it is no node of its own, and no affiliation either. One that
    organizes an event or names one ("the NATO foreign ministers meeting") is a party.
    Returns the organizations dropped."""
    dropped = []
    parties = {fold(name) for event in events for name in event.organizers}
    event_names = " ".join(fold(event.name) for event in events)
    for key, org in list(entities.organizations.items()):
        names = [n for n in (org.name, *org.aliases) if n]
        if any(fold(n) in parties or whole_words(fold(n)).search(event_names) for n in names):
            continue
        starts = [m.start() for n in names
                  for m in unhyphenated(n).finditer(text)]
        if starts and all(_TITLE_OF.search(_clause_before(text, at)) for at in starts):
            del entities.organizations[key]
            dropped.append(org)
            for person in entities.persons.values():
                if person.organization in names:
                    person.organization = person.organization_title = None
    return dropped


def _clause_before(text: str, at: int) -> str:
    """The text from the last comma, semicolon or sentence end before `at`."""
    start = max(text.rfind(mark, 0, at) for mark in (",", ";", ". ", "\n"))
    return text[start + 1:at]
