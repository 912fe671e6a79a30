"""Reading the page before reading the text: noise out, listing pages split, dateline read.

Everything here works from the shape of lines (length, punctuation, position), not from
lists of particular sites' phrases, so it carries over to pages nobody has seen.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from extract.dates import month_number, parse_standalone_date
from extract.models import Article
from extract.publisher import publisher_names

# Residue of an image link ("efda...b12be.png)"), a lone separator, a bullet-only line.
_RESIDUE = re.compile(r"^\S*\.(?:png|jpe?g|gif|webp|svg|bmp)\)?\]?$", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[-–—_=*•·|~#]+$")
_BULLET = re.compile(r"^\s*[•·▪►◦‣]\s*")
# Calls to action that close scraped pages ("Follow us on ...", "Subscribe to ...").
# Comment forms too ("LEAVE A REPLY", "Please enter your comment!").
_CALL_TO_ACTION = re.compile(
    r"^(?:follow|subscribe|join|sign up|download|click|share|like|read more|read also|"
    r"also read|see also|related|more from|get the latest|stay updated|watch|"
    r"leave a (?:reply|comment)|post a comment|add a comment|cancel reply|please enter your|"
    r"you have entered an incorrect|save my name)\b",
    re.IGNORECASE,
)
# Bylines and credits: never part of the story.
_BYLINE = re.compile(
    r"^(?:by|written by|reporting by|editing by|edited by|photo(?:graph)?s?(?: by)?|"
    r"image(?: by)?|source|credit|file photo)\s*[:\-–]?\s+[A-Z]",
    re.IGNORECASE,
)
# "Jane Doe Published September 14, 2024 | 05:20 PM", "Updated: 3 May 2025 10:00"
_META_LINE = re.compile(
    r"\b(?:published|updated|posted|last modified)\b.{0,40}\b(?:19|20)\d\d\b", re.IGNORECASE
)
# A closing line that is only a name: the author's signature.
_SIGNATURE = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$")
_SENTENCE_END = re.compile(r"[.!?:;][\"”’')\]]*$")
# "ASTANA, May 29 (Xinhua) --"  /  "ISLAMABAD, Oct 29 (APP):"  /  "Beijing, March 3 -"  /
# "MOSCOW, September 15. /TASS/."
_DATELINE = re.compile(
    r"^(?:\(\w[^)]{0,40}\)\s*)?"  # "(MENAFN- Kuwait News Agency (KUNA))"-style source tag
    r"(?P<city>[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,3})(?:\s*\[[^\]]{1,30}\])?"
    r"(?:,\s+(?P<month>[A-Z][a-z]{2,8}\.?)\s+(?P<day>[0-3]?\d)(?:,\s*(?P<year>(?:19|20)\d\d))?)?"
    r"(?:\s*(?:\((?P<agency>[^)]{1,40})\))?\s*(?P<dash>--|—|–|-|:)(?:\s+|(?<=:)(?=[A-Z]))"
    r"|\.\s*/(?P<slashed>[A-Z][\w-]{1,15})/\.?\s+)"
)

MAX_HEADLINE_WORDS = 20


@dataclass(frozen=True)
class Dateline:
    city: str
    date: date | None
    agency: str | None


@dataclass
class PreparedArticle:
    """An article with its noise removed, ready for the language pipeline."""

    article: Article
    dateline: Dateline | None = None
    default_year: int | None = None
    removed_lines: list[str] = field(default_factory=list)
    source_credits: list[str] = field(default_factory=list)

    @property
    def credits(self) -> list[str]:
        """Who the article credits as its source: the dateline's agency ("(Xinhua) --") and
        syndication or source lines ("(MENAFN- The Peninsula)", "Source: KUNA")."""
        agency = [self.dateline.agency] if self.dateline and self.dateline.agency else []
        return agency + [c for c in self.source_credits if c not in agency]

    @property
    def reference_date(self) -> date | None:
        """What relative dates ("Thursday", "today") count from."""
        if self.dateline is not None and self.dateline.date is not None:
            return self.dateline.date
        return self.article.published


def is_headline_shaped(line: str) -> bool:
    """Short, no closing sentence punctuation, starts like a title."""
    words = line.split()
    return (
        0 < len(words) <= MAX_HEADLINE_WORDS
        and not _SENTENCE_END.search(line)
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"“'‘")
    )


def _is_residue(line: str) -> bool:
    return bool(_RESIDUE.match(line) or _SEPARATOR.match(line))


def _is_page_furniture(line: str) -> bool:
    """Bylines, bullet menus and bare date lines: page parts, never story text."""
    return bool(
        _BYLINE.match(line)
        or (_META_LINE.search(line) and len(line.split()) <= 14)
        or _BULLET.match(line)
        or (parse_standalone_date(line) and len(line.split()) <= 6)
    )


def split_listing(text: str) -> list[str] | None:
    """The items of a listing page, or None when the page is one story.

    A listing is a page whose blocks are separated by residue lines (image links, lone
    dashes) and where each block opens with a headline-shaped line followed by body text.
    """
    blocks: list[list[str]] = [[]]
    for raw in text.splitlines():
        line = raw.strip()
        if _is_residue(line):
            if blocks[-1]:
                blocks.append([])
            continue
        if line and not _is_page_furniture(line):
            blocks[-1].append(line)
    blocks = [b for b in blocks if b]
    items = [b for b in blocks if len(b) >= 2 and is_headline_shaped(b[0])]
    if len(items) < 2 or len(items) < len(blocks) - 1:
        return None
    return ["\n".join(block) for block in items]


MAX_SECTION_TITLE_WORDS = 3
MIN_ROUNDUP_ITEM_WORDS = 30


def split_roundup(lines: list[str]) -> list[str] | None:
    """The items of a roundup page ("Diplomatic Corner", "In Brief"): a page under a short
    section title, not a story headline, whose paragraphs are separate short stories."""
    body = [line for line in lines]
    while body and not body[0]:
        body.pop(0)
    if not body or not is_headline_shaped(body[0]):
        return None
    title_words = body[0].split()
    if len(title_words) > MAX_SECTION_TITLE_WORDS or any(c.isdigit() for c in body[0]):
        return None
    paragraphs: list[list[str]] = [[]]
    for line in body[1:]:
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    texts = [" ".join(p) for p in paragraphs if p]
    if any(_continues(text, " ".join(texts[:n])) for n, text in enumerate(texts) if n):
        return None  # one story told over several paragraphs, under a widget or kicker line
    items = [text for text in texts if len(text.split()) >= MIN_ROUNDUP_ITEM_WORDS]
    return items if len(items) >= 2 else None


# A paragraph that opens by pointing back: "He said", "Speaking at the event, ...".
_BACK_REFERENCE = re.compile(
    r"^(?:(?:he|she|they|it|his|her|their|its)\b|[A-Z][a-z]+ing\s+(?:at|to|on|during)\s+the\b)"
    r"|^(?:the|this|these|that)\s+(?P<noun>[a-z]+)\b",
    re.IGNORECASE,
)


def _continues(paragraph: str, before: str) -> bool:
    """Whether a paragraph goes on with the story told before it rather than opening its
    own: it opens with a pronoun or a participle ("Speaking at the ..."), or with "the" and
    a noun the paragraphs before already used ("The summit marked ...")."""
    match = _BACK_REFERENCE.match(paragraph)
    if match is None:
        return False
    noun = match["noun"]
    return noun is None or (
        noun.islower() and re.search(rf"\b{noun}\b", before, re.IGNORECASE) is not None)


def strip_noise(text: str) -> tuple[list[str], list[str], date | None]:
    """Kept lines, removed lines and a page date found in menu/bullet lines."""
    lines = [line.strip() for line in text.splitlines()]
    removed: list[str] = []
    page_date: date | None = None
    kept: list[str] = []
    for line in lines:
        if _is_residue(line) or _is_page_furniture(line):
            page_date = page_date or parse_standalone_date(line)
            removed.append(line)
            continue
        kept.append(line)
    _drop_trailing_navigation(kept, removed)
    _drop_inline_links(kept, removed)
    _drop_unfinished_last_sentence(kept, removed)
    return kept, removed, page_date


def _drop_trailing_navigation(kept: list[str], removed: list[str]) -> None:
    """Remove the block of headline-shaped lines that closes many pages (teasers for other
    stories) and the call-to-action line before it."""
    end = len(kept)
    while end and not kept[end - 1]:
        end -= 1
    start = end
    while start and (not kept[start - 1] or is_headline_shaped(kept[start - 1])):
        start -= 1
    headlines = [line for line in kept[start:end] if line]
    if len(headlines) >= 2 and start > 0:
        removed.extend(headlines)
        del kept[start:]
    while kept and (not kept[-1] or _CALL_TO_ACTION.match(kept[-1])
                    or (len(kept) > 1 and _SIGNATURE.match(kept[-1]))):
        if kept[-1]:
            removed.append(kept[-1])
        kept.pop()
    # Calls to action in the body ("Follow us on ...") are noise wherever they stand.
    for i in range(len(kept) - 1, -1, -1):
        if kept[i] and _CALL_TO_ACTION.match(kept[i]) and len(kept[i].split()) <= 25:
            removed.append(kept.pop(i))


_CONTENT_WORD = re.compile(r"[a-z]{4,}")


def _drop_inline_links(kept: list[str], removed: list[str]) -> None:
    """Remove the headline of another story set inside this one ("... tangible outcomes.\n
    Exports surge amid rising tariffs\nThe Ambassador reflected ..."): a headline-shaped line
    between two lines of the story's run, sharing no word with the line after it, which a
    subheading or a caption would introduce."""
    for i in range(len(kept) - 2, 0, -1):
        before, line, after = kept[i - 1], kept[i], kept[i + 1]
        if (before and after and is_headline_shaped(line) and _SENTENCE_END.search(before)
                and not _content_words(line) & _content_words(after)):
            removed.append(kept.pop(i))


def _content_words(line: str) -> set[str]:
    return set(_CONTENT_WORD.findall(line.lower()))


# A sentence ending inside a line: "... Wopke Hoekstra. He said, discussions were".
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’')\]]*\s+")


def _drop_unfinished_last_sentence(kept: list[str], removed: list[str]) -> None:
    """A page cut short ends in a fragment: the next story's headline or a sentence cut off.
    A short last line that stops mid-sentence after the story's sentences loses its
    unfinished sentence."""
    lines = [i for i, line in enumerate(kept) if line]
    if len(lines) < 2 or not _SENTENCE_END.search(kept[lines[-2]]):
        return
    last = kept[lines[-1]]
    if not is_headline_shaped(last):
        return
    finished = [m.end() for m in _SENTENCE_BREAK.finditer(last)]
    if finished:
        kept[lines[-1]] = last[:finished[-1]].strip()
        removed.append(last[finished[-1]:].strip())
    else:
        removed.append(kept.pop(lines[-1]))


# "ISLAMABAD, (UrduPoint / Pakistan Point News - 14th Sep, 2024) Dato' ..."
_DATELINE_IN_PARENTHESES = re.compile(
    r"^(?P<city>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}),?\s*\((?P<inner>[^)]{3,80})\)\s*"
)


def read_dateline(text: str, *, year_hint: int | None) -> tuple[Dateline | None, str]:
    """The dateline opening the story body, and the text without it."""
    match = _DATELINE_IN_PARENTHESES.match(text)
    if match and _is_known_city(match["city"]):
        from extract.dates import find_dates

        dates = find_dates(match["inner"], default_year=year_hint)
        agency = re.split(r"\s+[-–—]\s+", match["inner"])[0].strip() or None
        dateline = Dateline(city=match["city"].title(), date=dates[0].start if dates else None,
                            agency=agency if not dates or len(agency) < len(match["inner"])
                            else None)
        return dateline, text[match.end():]
    for match in _DATELINE.finditer(text):
        city = match["city"].strip()
        when = None
        if match["month"]:
            month = month_number(match["month"])
            if month is None:
                continue
            year = int(match["year"]) if match["year"] else year_hint
            try:
                when = date(year, month, int(match["day"])) if year else None
            except ValueError:
                when = None
        agency = match["agency"] or match["slashed"]
        if not match["month"] and not agency and not (city.isupper() and _is_known_city(city)):
            continue  # "Update: ..." is no dateline; "KUALA LUMPUR:" and "Kazan (UNA) -" are
        dateline = Dateline(city=city.title() if city.isupper() else city, date=when,
                            agency=agency)
        return dateline, text[: match.start()] + text[match.end():]
    return None, text


def _is_known_city(name: str) -> bool:
    from extract.places import PlaceIndex

    return PlaceIndex.default().is_city(name.title())


def _first_paragraph_dateline(lines: list[str], year_hint: int | None) -> Dateline | None:
    for i, line in enumerate(lines[:6]):
        dateline, rest = read_dateline(line, year_hint=year_hint)
        if dateline is not None:
            lines[i] = rest
            return dateline
    return None


# "KingSalman", "PrimeMinister": words glued by a scraper. Not "McDonald", "DeSantis".
_GLUED = re.compile(
    r"\b(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O)[A-Z])([A-Z][a-z]{1,})([A-Z][a-z])"
)


def unglue(text: str) -> str:
    """Split words a scraper ran together ("PresidentMoon Jae-in" -> "President Moon
    Jae-in"); names with inner capitals such as "McDonald" are left alone."""
    text = re.sub(r"(?<=\w)[–—](?=\w)", "-", text)  # "Union–UN" is a compound like "Union-UN"
    return _GLUED.sub(r"\1 \2", text)


# "(MENAFN- Kuwait News Agency (KUNA)) KUWAIT, ...": a syndicator and its source; "Source:
# Xinhua".
_SOURCE_CREDIT = re.compile(
    r"^\s*(?:\((?P<paren>[A-Z][\w .&'’]*-\s*[^()]{2,60}(?:\([A-Z]{2,8}\))?)\)"
    r"|Source\s*:\s*(?P<line>[A-Z][^|\n]{1,60}?)\s*$)"
)


def prepare_article(article: Article) -> list[PreparedArticle]:
    """Clean one article; a listing page becomes one prepared article per item.

    Items get their own id and path (`FILE#item-N`) and inherit the page's publication date.
    """
    from extract.dates import years_mentioned

    kept, removed, page_date = strip_noise(article.text)
    published = article.published or page_date
    years = years_mentioned(article.text)
    past_years = [y for y in years if y <= date.today().year]
    default_year = published.year if published else (max(past_years) if past_years else None)
    items = split_listing(article.text) or split_roundup(kept)
    if items is None:
        return [_prepare_story(article, kept, removed, published, default_year)]
    prepared = []
    for n, item in enumerate(items, start=1):
        item_article = article.model_copy(
            update={
                "id": f"{article.id}-item-{n}",
                "path": f"{article.path or article.id}#item-{n}",
                "title": None,
                "text": item,
            }
        )
        item_kept, item_removed, _ = strip_noise(item)
        prepared.append(
            _prepare_story(item_article, item_kept, item_removed, published, default_year)
        )
    return prepared


def _prepare_story(
    article: Article,
    lines: list[str],
    removed: list[str],
    published: date | None,
    default_year: int | None,
) -> PreparedArticle:
    lines = list(lines)
    while lines and not lines[0]:
        lines.pop(0)
    title = article.title
    # The headline, a repeat of it and a deck (sub-headline) open many pages: none of them
    # is story text.
    while len(lines) > 1 and (not lines[0] or is_headline_shaped(lines[0])):
        line = lines.pop(0)
        if line:
            title = title or line
            removed.append(line)
    dateline = _first_paragraph_dateline(lines, published.year if published else default_year)
    credits = [(m["paren"] or m["line"]).strip() for line in [*removed, *lines[:8]]
               if (m := _SOURCE_CREDIT.match(line))]
    credits += publisher_names(article.url, [*removed, *lines[:8]])
    text = unglue("\n".join(lines))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return PreparedArticle(
        article=article.model_copy(update={"text": text, "title": title, "published": published}),
        dateline=dateline,
        default_year=default_year,
        removed_lines=removed,
        source_credits=list(dict.fromkeys(credits)),
    )
