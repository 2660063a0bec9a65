"""translit.memo: the bounded memo, and the helpers that act on every memo of the package."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import translit
from translit import memo


@given(st.lists(st.text(max_size=3), max_size=300), st.integers(1, 50))
def test_a_memo_never_holds_more_than_two_generations(keys: list[str], size: int) -> None:
    m: memo.Memo[str, int] = memo.Memo(size)
    for i, k in enumerate(keys):
        m[k] = i
        assert len(m) <= 2 * size
        assert m.get(k) == i  # what was just stored is found


def test_share_gives_each_worker_its_part_of_every_memo() -> None:
    small, large = memo.Memo[str, str](1500), memo.Memo[str, str](1 << 16)
    kept = {m: m.size for m in list(memo._MEMOS) if isinstance(m, memo.Memo)}
    try:
        memo.share(4)
        assert (small.size, large.size) == (1024, 1 << 14)  # never below 1,024
        assert translit.key("Kharkiv") == translit.key("Харків")  # memos still answer
    finally:
        for m, size in kept.items():  # the package's memos as they were, for other tests
            m.size = size


def test_clear_all_empties_the_key_memo() -> None:
    translit.key("Шевченко")
    memo.clear_all()
    from translit import normalize

    assert len(normalize._memo) == 0
