"""Resolution scores: did every mention of one real entity end as one node, and did nothing
else join it? B-cubed and pairwise precision/recall/F1 over matched mentions, per kind, and
the look-alike pairs (hard negatives) kept apart."""

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from pydantic import BaseModel
from rapidfuzz import fuzz

from graph.names import fold

HARD_NEGATIVE_RATIO = 70
_STOPWORDS = frozenset("of the and for in on de da bin al".split())


@dataclass(frozen=True)
class Mention:
    article: str
    gold: str  # folded canonical gold name
    node: str  # id of the node it was resolved to


class ResolutionScore(BaseModel):
    mentions: int
    b3_precision: float
    b3_recall: float
    b3_f1: float
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    hard_negatives: int
    hard_negatives_kept_apart: int
    merged_look_alikes: list[tuple[str, str]]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_resolution(mentions: list[Mention], *, cross_article_only: bool = False,
                     look_alikes: bool = True) -> ResolutionScore:
    """B-cubed and pairwise scores over the mentions. With `cross_article_only`, only
    mentions whose gold entity or node spans several articles count (for events, most of
    which one article alone reports). `look_alikes=False` skips the hard-negative count,
    which is quadratic in the gold entities (benchmarks on synthetic data)."""
    if cross_article_only:
        gold_articles: dict[str, set[str]] = defaultdict(set)
        node_articles: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            gold_articles[m.gold].add(m.article)
            node_articles[m.node].add(m.article)
        mentions = [m for m in mentions
                    if len(gold_articles[m.gold]) > 1 or len(node_articles[m.node]) > 1]
    by_gold: dict[str, list[Mention]] = defaultdict(list)
    by_node: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_gold[m.gold].append(m)
        by_node[m.node].append(m)
    # Counted from the contingency of (gold, node) cells: linear in the mentions.
    cells: dict[tuple[str, str], int] = defaultdict(int)
    for m in mentions:
        cells[(m.gold, m.node)] += 1
    precision = recall = 0.0
    for (gold, node), count in cells.items():
        precision += count * count / len(by_node[node])
        recall += count * count / len(by_gold[gold])
    n = len(mentions) or 1
    b3_p, b3_r = (precision / n, recall / n) if mentions else (1.0, 1.0)

    def pairs(size: int) -> int:
        return size * (size - 1) // 2

    true_pairs = sum(pairs(len(group)) for group in by_gold.values())
    predicted_pairs = sum(pairs(len(group)) for group in by_node.values())
    both = sum(pairs(count) for count in cells.values())
    pw_p = both / predicted_pairs if predicted_pairs else 1.0
    pw_r = both / true_pairs if true_pairs else 1.0
    # Look-alike pairs compare every two gold entities: for gold sets of evaluation size.
    negatives, kept, merged = _hard_negatives(by_gold) if look_alikes else (0, 0, [])
    return ResolutionScore(
        mentions=len(mentions), b3_precision=round(b3_p, 4), b3_recall=round(b3_r, 4),
        b3_f1=round(_f1(b3_p, b3_r), 4), pairwise_precision=round(pw_p, 4),
        pairwise_recall=round(pw_r, 4), pairwise_f1=round(_f1(pw_p, pw_r), 4),
        hard_negatives=negatives, hard_negatives_kept_apart=kept, merged_look_alikes=merged,
    )


def _hard_negatives(by_gold: dict[str, list[Mention]]) -> tuple[int, int, list[tuple[str, str]]]:
    """Pairs of different gold entities whose names look alike (a fuzzy ratio of 70 or more,
    or a shared distinctive word): how many there are, how many stayed on separate nodes."""
    negatives = kept = 0
    merged = []
    for a, b in combinations(sorted(by_gold), 2):
        if not _look_alike(a, b):
            continue
        negatives += 1
        if {m.node for m in by_gold[a]} & {m.node for m in by_gold[b]}:
            merged.append((a, b))
        else:
            kept += 1
    return negatives, kept, merged


def _look_alike(a: str, b: str) -> bool:
    words_a = {w for w in a.split() if len(w) >= 4 and w not in _STOPWORDS}
    words_b = {w for w in b.split() if len(w) >= 4 and w not in _STOPWORDS}
    return fuzz.token_set_ratio(a, b) >= HARD_NEGATIVE_RATIO or bool(words_a & words_b)


def mentions_from(links: list[tuple[str, str, str]]) -> list[Mention]:
    """Mentions from (article, gold name, node id) triples."""
    return [Mention(article=a, gold=fold(g), node=n) for a, g, n in links]
