"""Lucene query strings for Neo4j's full-text index: user text only ever as literal
characters, and a query that finds at least every node the shared CONTAINS filter keeps."""

import re

import pytest

from graph.fulltext import MAX_KEYS, MAX_WORD_LENGTH, MAX_WORDS, SPECIAL, escape, fulltext_query
from graph.names import fold

# A Lucene term or phrase body: unescaped characters other than the special ones and
# spaces, or any character after a backslash.
LITERAL = re.compile(r'(?:[^\\+\-!():^\[\]"{}~*?|&/\s]|\\.)*', re.DOTALL)
CLAUSE = re.compile(r'(?:name|aliases|alias_keys):\*((?:[^\\\s*]|\\.)*?)\*'
                    r'|block_keys:"((?:[^\\"]|\\.)*)"', re.DOTALL)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text, flags=re.DOTALL)


@pytest.mark.parametrize("ch", sorted(SPECIAL))
def test_every_special_character_is_escaped(ch):
    assert escape(f"a{ch}b") == f"a\\{ch}b"


@pytest.mark.parametrize("text", [
    "'", '"', "\\", "}) MATCH (n) DETACH DELETE n //", "name:*", "a AND b OR NOT c",
    "w:aral", "\"quoted\\\" phrase", "tab\there\nnewline", "\x00\x01\x7f", "Қазақстан 🇰🇿 中国",
])
def test_escaped_text_is_one_literal_and_unescapes_to_itself(text):
    escaped = escape(text)
    assert LITERAL.fullmatch(escaped)
    assert _unescape(escaped) == text


def test_plain_words_are_left_alone():
    assert escape("aral_news 2026") == "aral_news\\ 2026"


def test_each_word_must_appear_in_a_name_or_alias():
    assert fulltext_query("aral news") == (
        "(+(name:*aral* aliases:*aral* alias_keys:*aral*) "
        "+(name:*news* aliases:*news* alias_keys:*news*))")


def test_blocking_keys_are_alternatives_matched_as_phrases():
    query = fulltext_query("aral", keys=["w:aral", "s:arl", "w:aral"])
    assert query.endswith(' block_keys:"s\\:arl" block_keys:"w\\:aral"')
    assert query.startswith("(+(name:*aral*")


def test_keys_alone_make_a_query():
    assert fulltext_query("", keys=["steppe"]) == 'block_keys:"steppe"'


def test_nothing_to_search_for_is_refused():
    with pytest.raises(ValueError, match="nothing to search for"):
        fulltext_query("   ", keys=[""])


@pytest.mark.parametrize("q", [
    "'", '"', "\\", "}) MATCH (n) DETACH DELETE n //",
    "' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //", "KAZ'}) DETACH DELETE c RETURN 1 //",
    "$id", "`Event`", "\u202eKazakhstan\u202c", "Қазақстан 🇰🇿 中国", "\x00\x01\x7f", "k" * 10_000,
    "name:* OR *:*", "a&&b||c", "x~2 y^3 [a TO z] {a TO z} /re.*/",
])
def test_hostile_text_and_keys_only_become_literal_clauses(q):
    query = fulltext_query(fold(q) or "x", keys=[q, f"w:{q}"])
    clauses = CLAUSE.findall(query)
    leftover = CLAUSE.sub("", query)
    assert set(leftover) <= set("()+ "), leftover
    assert clauses
    assert {_unescape(key) for _, key in clauses if key} <= {q, f"w:{q}"}


def test_han_and_hiragana_characters_are_words_of_their_own():
    query = fulltext_query("中国abcカタカナ한국ひら")
    words = [_unescape(w) for w, _ in CLAUSE.findall(query) if w]
    assert set(words) == {"中", "国", "abc", "カタカナ", "한국", "ひ", "ら"}


def test_a_final_sigma_matches_either_sigma():
    assert "name:*οδο?*" in fulltext_query(fold("ΟΔΟΣ"))


def test_long_text_is_bounded():
    words = [f"{chr(97 + i % 26)}{'x' * (i + 60)}" for i in range(20)]
    query = fulltext_query(" ".join(words), keys=[f"k{i}" for i in range(2 * MAX_KEYS)])
    found = [w for w, _ in CLAUSE.findall(query) if w]
    assert len(set(found)) == MAX_WORDS
    assert all(len(w) == MAX_WORD_LENGTH for w in found)
    assert query.count("block_keys:") == MAX_KEYS
