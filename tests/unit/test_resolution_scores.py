"""Resolution scores on small hand-computed examples: B-cubed and pairwise precision,
recall and F1, the cross-article filter, and look-alike gold entities (hard negatives)."""

import pytest

from api.evaluation.resolution import Mention, mentions_from, score_resolution

# Four mentions of two gold entities: "ilmar varenkov" three times, "orvel port" once.
GOLD = ["ilmar varenkov", "ilmar varenkov", "ilmar varenkov", "orvel port"]


def resolved(nodes: list[str]) -> list[Mention]:
    return [Mention(article=f"a{i}", gold=gold, node=node)
            for i, (gold, node) in enumerate(zip(GOLD, nodes, strict=True))]


PERFECT = resolved(["n1", "n1", "n1", "n2"])
ALL_MERGED = resolved(["n1", "n1", "n1", "n1"])
ALL_SPLIT = resolved(["n1", "n2", "n3", "n4"])


@pytest.mark.parametrize(
    ("mentions", "b3"),
    [
        pytest.param(PERFECT, (1.0, 1.0, 1.0), id="perfect"),
        # precision (3 * 3/4 + 1/4) / 4 = 0.625; recall 1; F1 2*0.625/1.625 = 0.76923
        pytest.param(ALL_MERGED, (0.625, 1.0, 0.7692), id="everything merged"),
        # precision 1; recall (3 * 1/3 + 1) / 4 = 0.5; F1 2*0.5/1.5 = 0.66667
        pytest.param(ALL_SPLIT, (1.0, 0.5, 0.6667), id="everything split"),
    ],
)
def test_b_cubed_scores(mentions: list[Mention], b3: tuple[float, float, float]) -> None:
    score = score_resolution(mentions)
    assert (score.b3_precision, score.b3_recall, score.b3_f1) == b3


@pytest.mark.parametrize(
    ("mentions", "pairwise"),
    [
        pytest.param(PERFECT, (1.0, 1.0, 1.0), id="perfect"),
        # 6 predicted pairs, 3 true pairs, all 3 predicted: P 3/6, R 3/3, F1 2/3
        pytest.param(ALL_MERGED, (0.5, 1.0, 0.6667), id="everything merged"),
        # no predicted pair (precision 1 by convention), none of the 3 true pairs found
        pytest.param(ALL_SPLIT, (1.0, 0.0, 0.0), id="everything split"),
    ],
)
def test_pairwise_scores(mentions: list[Mention], pairwise: tuple[float, float, float]
                         ) -> None:
    score = score_resolution(mentions)
    assert (score.pairwise_precision, score.pairwise_recall, score.pairwise_f1) == pairwise


def test_partly_wrong_resolution_scores() -> None:
    # "ilmar varenkov" split over n1 (two mentions) and n2, and n2 also takes "orvel port".
    score = score_resolution(resolved(["n1", "n1", "n2", "n2"]))
    # B-cubed precision (1 + 1 + 1/2 + 1/2) / 4 = 0.75; recall (2/3 + 2/3 + 1/3 + 1) / 4
    # = 0.66667; F1 2 * 0.75 * 0.66667 / 1.41667 = 0.70588
    assert (score.b3_precision, score.b3_recall, score.b3_f1) == (0.75, 0.6667, 0.7059)
    # pairwise: predicted pairs {0,1}, {2,3}; true pairs {0,1}, {0,2}, {1,2}; both {0,1}
    assert (score.pairwise_precision, score.pairwise_recall,
            score.pairwise_f1) == (0.5, 0.3333, 0.4)


def test_no_mentions_score_perfectly() -> None:
    score = score_resolution([])
    assert (score.mentions, score.b3_f1, score.pairwise_f1) == (0, 1.0, 1.0)


def test_mention_count_is_reported() -> None:
    assert score_resolution(PERFECT).mentions == 4


# -- cross_article_only --------------------------------------------------------------------


def cross_article_mentions() -> list[Mention]:
    return [
        Mention(article="a1", gold="orvel valdora summit", node="e1"),
        Mention(article="a2", gold="orvel valdora summit", node="e1"),
        Mention(article="a3", gold="orvel heritage week", node="e2"),  # one article alone
        Mention(article="a4", gold="valdora book fair", node="e1"),  # wrongly joined e1
    ]


def test_cross_article_only_drops_entities_one_article_alone_reports() -> None:
    score = score_resolution(cross_article_mentions(), cross_article_only=True)
    assert score.mentions == 3


def test_cross_article_only_keeps_a_single_article_mention_merged_into_a_shared_node() -> None:
    score = score_resolution(cross_article_mentions(), cross_article_only=True)
    # B-cubed precision (2/3 + 2/3 + 1/3) / 3 = 0.55556: the wrong merge still costs.
    assert score.b3_precision == 0.5556


def test_without_cross_article_only_every_mention_counts() -> None:
    assert score_resolution(cross_article_mentions()).mentions == 4


# -- hard negatives ------------------------------------------------------------------------


def look_alikes(dana_node: str) -> list[Mention]:
    return [Mention(article="a1", gold="ilmar varenkov", node="n1"),
            Mention(article="a2", gold="dana varenkov", node=dana_node)]


def test_look_alike_entities_kept_apart_are_counted() -> None:
    score = score_resolution(look_alikes(dana_node="n2"))
    assert (score.hard_negatives, score.hard_negatives_kept_apart,
            score.merged_look_alikes) == (1, 1, [])


def test_look_alike_entities_merged_are_reported() -> None:
    score = score_resolution(look_alikes(dana_node="n1"))
    assert (score.hard_negatives, score.hard_negatives_kept_apart,
            score.merged_look_alikes) == (1, 0, [("dana varenkov", "ilmar varenkov")])


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("orvel port authority", "orvel port authorities", id="fuzzy ratio"),
        pytest.param("orvel media group", "valdora media council", id="shared word"),
        pytest.param("bank of the steppe", "bank of the coast", id="same template"),
    ],
)
def test_names_that_look_alike_are_hard_negatives(first: str, second: str) -> None:
    mentions = [Mention(article="a1", gold=first, node="n1"),
                Mention(article="a2", gold=second, node="n2")]
    assert score_resolution(mentions).hard_negatives == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("ilmar varenkov", "orvel trade agency", id="unrelated"),
        pytest.param("orvel bay", "valdora bay", id="shared short word"),
        pytest.param("port of orvel", "bank of valdora", id="shared stopword"),
    ],
)
def test_unrelated_names_are_not_hard_negatives(first: str, second: str) -> None:
    mentions = [Mention(article="a1", gold=first, node="n1"),
                Mention(article="a2", gold=second, node="n2")]
    assert score_resolution(mentions).hard_negatives == 0


def test_mentions_from_folds_gold_names() -> None:
    assert mentions_from([("a1", "The Orvel People’s Tribune", "n1")]) == [
        Mention(article="a1", gold="orvel people tribune", node="n1")]
