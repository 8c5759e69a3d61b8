"""A large story group cut into chunks keeps each original with the pairs between its rewrites."""

from __future__ import annotations

from storytrace.scan.candidates import Candidate, families


def _chunks_of(fam: list[tuple[int, Candidate]]) -> dict[int, set[tuple[int, int]]]:
    chunks: dict[int, set[tuple[int, int]]] = {}
    for f, c in fam:
        chunks.setdefault(f, set()).add((c.a, c.b))
    return chunks


def test_an_oversized_story_keeps_each_original_with_the_pairs_of_its_rewrites() -> None:
    # Two originals with the same text (0 and 1, a syndicated copy: their pair scores highest) join two
    # stories into one group of strong pairs, too many for a chunk: 0's rewrites are 2-4, 1's are 5-7.
    # Cut in position order, the originals' pairs came first and the pairs between the rewrites in a
    # later chunk, where their common original was not there to make them siblings.
    pairs = [Candidate(0, 1, 0.9)]
    for o, rewrites in ((0, (2, 3, 4)), (1, (5, 6, 7))):
        pairs += [Candidate(o, r, 0.3) for r in rewrites]
        pairs += [Candidate(a, b, 0.5) for a in rewrites for b in rewrites if a < b]
    fam = families(pairs, 8, max_pairs=6, strong_score=0.2)
    chunks = list(_chunks_of(fam).values())
    assert sorted(len(c) for c in chunks) == [1, 6, 6]
    for o, rewrites in ((0, (2, 3, 4)), (1, (5, 6, 7))):
        for a in rewrites:
            for b in rewrites:
                if a < b:
                    (home,) = [c for c in chunks if (a, b) in c]
                    assert (o, a) in home and (o, b) in home
    assert sorted((c.a, c.b) for _, c in fam) == sorted((c.a, c.b) for c in pairs)


def test_story_groups_that_fit_are_packed_as_before() -> None:
    strong = [Candidate(a, b, 0.6) for a, b in ((0, 2), (0, 4), (2, 4), (1, 3), (1, 5), (3, 5))]
    fam = families([*strong, Candidate(0, 1, 0.1)], 6, max_pairs=4)
    assert {f: sorted(c) for f, c in _chunks_of(fam).items()} == {
        0: [(0, 1), (0, 2), (0, 4), (2, 4)],
        1: [(1, 3), (1, 5), (3, 5)],
    }
