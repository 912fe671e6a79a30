"""Hand-built parsed Docs for testing pipeline components without a trained model.

    doc = parsed(vocab, [("Xi", "Xi", "PROPN", "nsubj", 1), ("met", "meet", "VERB", "ROOT", 1)])

Each row is (word, lemma, part of speech, dependency label, index of the head word).
"""

from spacy.tokens import Doc
from spacy.vocab import Vocab

Row = tuple[str, str, str, str, int]


def parsed(vocab: Vocab, rows: list[Row]) -> Doc:
    words, lemmas, pos, deps, heads = zip(*rows, strict=True)
    doc = Doc(vocab, words=list(words), lemmas=list(lemmas), pos=list(pos), deps=list(deps),
              heads=list(heads), sent_starts=[True] + [False] * (len(rows) - 1))
    for token, tag in zip(doc, _tags(rows), strict=True):
        token.tag_ = tag
    return doc


def _tags(rows: list[Row]) -> list[str]:
    """Fine tags where a component reads them (possessive pronouns)."""
    return ["PRP$" if word.lower() in ("his", "her", "their") and dep == "poss" else ""
            for word, _, _, dep, _ in rows]
