"""Lucene query strings for Neo4j's full-text index of names and blocking keys.

    fulltext_query("aral news", keys=["w:aral"])
    # '(+(name:*aral* aliases:*aral* alias_keys:*aral*) +(name:*news* ...)) block_keys:"w\\:aral"'

`search_candidates` (cypher/neo4j/) asks the index `search_text` for candidates with this
string, then keeps exactly the nodes the shared query keeps (a name or alias CONTAINS the
folded text, or a blocking key shared). So the string must find a superset of those: every
node whose name or alias contains each word of the text somewhere inside one of its indexed
words, or that holds one of the keys. User text only ever reaches Lucene escaped.
"""

import unicodedata
from collections.abc import Iterable

# Properties of the index `search_text` (cypher/neo4j/schema.cypher).
TEXT_FIELDS = ("name", "aliases", "alias_keys")
KEY_FIELD = "block_keys"

# Characters Lucene's classic query parser gives a meaning to (as its own QueryParser.escape).
SPECIAL = frozenset('\\+-!():^[]"{}~*?|&/')
# Bounds that keep a hostile query cheap; dropping or shortening a word only widens the
# candidate set, and the Cypher filter after the index narrows it to the exact answer.
MAX_WORDS = 8
MAX_WORD_LENGTH = 48
MAX_KEYS = 500  # Lucene refuses a query of more than 1,024 clauses

# Scripts the index's tokenizer (Unicode word breaks) does not join with Latin letters.
_OWN_RUN = (("HANGUL", "hangul"), ("KATAKANA", "katakana"), ("HALFWIDTH KATAKANA", "katakana"),
            ("THAI", "sea"), ("LAO", "sea"), ("MYANMAR", "sea"), ("KHMER", "sea"),
            ("TAI ", "sea"), ("NEW TAI LUE", "sea"))
# Scripts it indexes one character at a time.
_ONE_BY_ONE = ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH", "HIRAGANA")


def escape(text: str) -> str:
    """`text` as literal characters in a Lucene query: every special character and every
    space preceded by a backslash."""
    return "".join(f"\\{ch}" if ch in SPECIAL or ch.isspace() else ch for ch in text)


def fulltext_query(text: str, *, keys: Iterable[str] = ()) -> str:
    """A query for nodes whose name or alias holds every word of the folded `text` inside
    an indexed word (`*word*`), or whose `block_keys` hold one of `keys`."""
    words = sorted(_words(text), key=len, reverse=True)[:MAX_WORDS]
    clauses = []
    if words:
        groups = [" ".join(f"{field}:*{_wildcard(word)}*" for field in TEXT_FIELDS)
                  for word in words]
        clauses.append("(" + " ".join(f"+({group})" for group in groups) + ")")
    clauses += [f'{KEY_FIELD}:"{escape(key)}"' for key in sorted(set(keys))[:MAX_KEYS] if key]
    if not clauses:
        raise ValueError("nothing to search for: the text has no word and there is no key")
    return " ".join(clauses)


def _wildcard(word: str) -> str:
    # Lucene lower-cases a final sigma to σ where Cypher's toLower (and Python) write ς.
    return escape(word[:MAX_WORD_LENGTH]).replace("ς", "?")


def _words(text: str) -> list[str]:
    """The words of `text` as the index's tokenizer would keep them together: split at
    spaces, between scripts it does not join, and around every Han or Hiragana
    character (each of those is a word of its own in the index)."""
    words: list[str] = []
    for chunk in text.split():
        current, current_kind = "", None
        for ch in chunk:
            kind = _kind(ch)
            if current and (kind != current_kind or kind == "one"):
                words.append(current)
                current = ""
            current, current_kind = current + ch, kind
        if current:
            words.append(current)
    return list(dict.fromkeys(words))


def _kind(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if name.startswith(_ONE_BY_ONE):
        return "one"
    return next((kind for prefix, kind in _OWN_RUN if name.startswith(prefix)), "word")
