"""Countries, demonyms and regions as spans of the Doc, found once by two pipeline components.

`dkg_countries` puts every country name, alias and demonym in `doc.spans["dkg_countries"]`
(label GPE for a name, NORP for a demonym, `kb_id_` the ISO3 code); `dkg_regions` puts every
region name, alias and adjective in `doc.spans["dkg_regions"]` (label LOC, `kb_id_` the
region's name). Each is a `PhraseMatcher` over the forms `CountryIndex` and `RegionIndex` read
from the data files, every form tokenized by the pipeline's own tokenizer, so "Guinea-Bissau"
and "Lancang-Mekong" are the three tokens the text gives. The rules are those of the
countries.py docstring, on tokens:

- countries are matched on the tokens folded ("Turkiye" is "Türkiye", "d’Ivoire" "d'Ivoire"),
  case as written or in full capitals; regions as written;
- a hit is whole tokens and touches no letter or digit ("US$40" is a currency), so hyphenated
  compounds split ("China-Kazakhstan"; "U.S.-led" once `split_hyphens_after_initials` of
  extract/pipeline.py has taught the tokenizer) and possessives work ("China's");
- the leftmost, then longest, hit wins; a form that means no country ("South China Sea")
  consumes its words and is dropped;
- "Jordan" or "Chad" before a capitalised non-title word is a given name ("Jordan Bardella"),
  a region's adjective before a capitalised word opens another name ("Asian Development Bank").

`countries_in(doc_or_sentence, countries)` and `regions_in(doc_or_sentence, regions)` read the
spans back as the hits `find_all` gives on a string, offsets into that Doc's or sentence's text:

    nlp = spacy.blank("en"); nlp.add_pipe("dkg_countries")
    countries_in(nlp("Kazakh envoys met in Türkiye."), CountryIndex.default())
"""

import re
from collections.abc import Iterable, Iterator

from spacy.attrs import IDX, LENGTH, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from extract.countries import CountryHit, CountryIndex, fold
from extract.entities import doc_text
from extract.regions import RegionHit, RegionIndex

COUNTRIES_KEY = "dkg_countries"
REGIONS_KEY = "dkg_regions"
COUNTRY_LABEL, DEMONYM_LABEL, REGION_LABEL = "GPE", "NORP", "LOC"
# How many tokens after a hit the rules about the next word read: the spaces and the word.
_FOLLOWING_TOKENS = 3
_WORD_END = re.compile(r"\w$")
_WORD_START = re.compile(r"[\w$]")


class _FormMatcher:
    """Token spans where any of `forms` occurs, tokenized as the text is, leftmost-longest,
    touching no letter or digit. Each span's label is the form it matched."""

    def __init__(self, nlp: Language, forms: Iterable[str]) -> None:
        self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for form in forms:
            self._matcher.add(form, [nlp.make_doc(form)])

    def __call__(self, doc: Doc, *, match_on: Doc | None = None) -> list[Span]:
        """Spans of `doc`; `match_on` is a copy of it, token for token, to match on instead."""
        matches = self._matcher(doc if match_on is None else match_on)
        found = sorted(((start, end, key) for key, start, end in matches),
                       key=lambda m: (m[0], -m[1]))
        spans, taken_to = [], 0
        for start, end, key in found:
            if start >= taken_to and not _glued(doc, start, end):
                spans.append(Span(doc, start, end, label=key))
                taken_to = end
        return spans


def _glued(doc: Doc, start: int, end: int) -> bool:
    """True when a letter or digit touches the tokens, or a "$" follows them ("US$")."""
    before = doc[start - 1] if start > 0 else None
    if before is not None and not before.whitespace_ and _WORD_END.search(before.text):
        return True
    return (end < len(doc) and not doc[end - 1].whitespace_
            and _WORD_START.match(doc[end].text) is not None)


def _following(span: Span) -> str:
    """The text after a span, as far as a rule about the next word reads."""
    doc = span.doc
    return doc[span.end - 1].whitespace_ + doc[span.end : span.end + _FOLLOWING_TOKENS].text


def _folded(doc: Doc) -> Doc:
    """The Doc's tokens with diacritics and apostrophe styles folded away (itself if none)."""
    text = doc_text(doc)
    folded = fold(text)
    if folded == text:
        return doc
    offsets = doc.to_array([IDX, LENGTH, SPACY]).tolist()
    return Doc(doc.vocab, words=[folded[start:start + length] for start, length, _ in offsets],
               spaces=[bool(space) for _, _, space in offsets])


class CountrySpans:
    """The `dkg_countries` component; see the module docstring."""

    def __init__(self, nlp: Language, countries: CountryIndex) -> None:
        self.countries = countries
        self._forms = _FormMatcher(nlp, countries.scanned_forms())

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for form in self._forms(doc, match_on=_folded(doc)):
            match = self.countries.match_form(form.label_, form.text, following=_following(form))
            if match is not None:
                label = DEMONYM_LABEL if match.is_demonym else COUNTRY_LABEL
                spans.append(Span(doc, form.start, form.end, label=label, kb_id=match.iso3))
        doc.spans[COUNTRIES_KEY] = spans
        return doc


class RegionSpans:
    """The `dkg_regions` component; see the module docstring."""

    def __init__(self, nlp: Language, regions: RegionIndex) -> None:
        self.regions = regions
        self._forms = _FormMatcher(nlp, regions.surfaces())

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for form in self._forms(doc):
            region = self.regions.match_surface(form.label_, following=_following(form))
            if region is not None:
                spans.append(Span(doc, form.start, form.end, label=REGION_LABEL,
                                  kb_id=region.name))
        doc.spans[REGIONS_KEY] = spans
        return doc


@Language.factory(COUNTRIES_KEY)
def make_country_spans(nlp: Language, name: str) -> CountrySpans:
    return CountrySpans(nlp, CountryIndex.default())


@Language.factory(REGIONS_KEY)
def make_region_spans(nlp: Language, name: str) -> RegionSpans:
    return RegionSpans(nlp, RegionIndex.default())


def _spans_in(doclike: Doc | Span, key: str) -> Iterator[tuple[Span, int]]:
    """The spans under `key` inside a Doc or a sentence, each with the offset of that text."""
    if isinstance(doclike, Doc):
        yield from ((span, 0) for span in doclike.spans[key])
        return
    for span in doclike.doc.spans[key]:
        if doclike.start <= span.start and span.end <= doclike.end:
            yield span, doclike.start_char


def countries_in(doclike: Doc | Span, countries: CountryIndex) -> list[CountryHit]:
    """The countries `dkg_countries` found in a Doc or a sentence, in order, as hits with
    offsets into its text."""
    hits = []
    for span, offset in _spans_in(doclike, COUNTRIES_KEY):
        match = countries.match_of(span.kb_id_, span.text,
                                   is_demonym=span.label_ == DEMONYM_LABEL)
        hits.append(CountryHit(start=span.start_char - offset, end=span.end_char - offset,
                               match=match))
    return hits


def regions_in(doclike: Doc | Span, regions: RegionIndex) -> list[RegionHit]:
    """The regions `dkg_regions` found in a Doc or a sentence, in order, as hits with offsets
    into its text."""
    hits = []
    for span, offset in _spans_in(doclike, REGIONS_KEY):
        region = regions.lookup(span.kb_id_)
        if region is not None:
            hits.append(RegionHit(region, span.start_char - offset, span.end_char - offset))
    return hits
