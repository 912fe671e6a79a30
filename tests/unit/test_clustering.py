"""Constrained clustering on plain strings: best pair first, compatibility across whole
groups, must-link overrides, and a result that ignores the order of the pairs."""

import random

import pytest

from graph.clustering import constrained_clusters

Pair = tuple[tuple[float, ...], str, str]


def never(a: str, b: str) -> bool:
    """The one incompatible pair of these tests: "a" and "c"."""
    return {a, b} != {"a", "c"}


def cluster(records: list[str], pairs: list[Pair], **options) -> frozenset[frozenset[str]]:
    options.setdefault("compatible", never)
    groups = constrained_clusters(records, pairs, key=lambda r: r, **options)
    return frozenset(frozenset(group) for group in groups.values())


def test_records_without_pairs_stay_alone() -> None:
    assert cluster(["a", "b"], []) == {frozenset({"a"}), frozenset({"b"})}


def test_compatible_pair_joins() -> None:
    assert cluster(["a", "b"], [((1.0,), "a", "b")]) == {frozenset({"a", "b"})}


def test_incompatible_pair_does_not_join() -> None:
    assert cluster(["a", "c"], [((1.0,), "a", "c")]) == {frozenset({"a"}), frozenset({"c"})}


@pytest.mark.parametrize(
    ("ab", "bc", "expected"),
    [
        pytest.param(0.9, 0.8, {frozenset({"a", "b"}), frozenset({"c"})}, id="a-b better"),
        pytest.param(0.8, 0.9, {frozenset({"b", "c"}), frozenset({"a"})}, id="b-c better"),
    ],
)
def test_best_pair_is_joined_first(ab: float, bc: float, expected: set) -> None:
    pairs = [((bc,), "b", "c"), ((ab,), "a", "b")]
    assert cluster(["a", "b", "c"], pairs) == expected


def test_later_scores_break_ties_of_earlier_ones() -> None:
    pairs = [((0.9, 0.1), "a", "b"), ((0.9, 0.5), "b", "c")]
    assert cluster(["a", "b", "c"], pairs) == {frozenset({"b", "c"}), frozenset({"a"})}


def test_compatibility_is_checked_against_every_member_of_both_groups() -> None:
    # b-c and c-d are compatible, but c cannot join the group holding a.
    pairs = [((0.9,), "a", "b"), ((0.8,), "b", "c"), ((0.7,), "c", "d")]
    assert cluster(["a", "b", "c", "d"], pairs) == {frozenset({"a", "b"}),
                                                     frozenset({"c", "d"})}


def test_groups_of_several_members_join_when_all_members_are_compatible() -> None:
    pairs = [((0.9,), "a", "b"), ((0.9,), "d", "e"), ((0.5,), "b", "d")]
    assert cluster(["a", "b", "d", "e"], pairs) == {frozenset({"a", "b", "d", "e"})}


def test_must_link_overrides_compatibility() -> None:
    pairs = [((0.9,), "a", "b"), ((0.8,), "b", "c")]
    groups = cluster(["a", "b", "c"], pairs, must_link=lambda x, y: {x, y} == {"b", "c"})
    assert groups == {frozenset({"a", "b", "c"})}


def test_must_link_applies_only_to_pairs_offered() -> None:
    groups = cluster(["a", "c"], [], must_link=lambda x, y: True)
    assert groups == {frozenset({"a"}), frozenset({"c"})}


def test_every_key_maps_to_its_group() -> None:
    groups = constrained_clusters(["a", "b", "c"], [((1.0,), "a", "b")], key=lambda r: r,
                                  compatible=never)
    assert groups["a"] is groups["b"]
    assert groups["c"] == ["c"]


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4, 5])
def test_equal_scores_give_the_same_partition_whatever_the_pair_order(seed: int) -> None:
    records = ["a", "b", "c", "d", "e"]
    pairs: list[Pair] = [((1.0,), "a", "b"), ((1.0,), "b", "c"), ((1.0,), "c", "d"),
                         ((1.0,), "a", "d"), ((1.0,), "d", "e"), ((0.5,), "a", "e")]
    shuffled = list(pairs)
    random.Random(seed).shuffle(shuffled)
    shuffled_records = list(records)
    random.Random(seed).shuffle(shuffled_records)
    assert cluster(shuffled_records, shuffled) == cluster(records, pairs)
