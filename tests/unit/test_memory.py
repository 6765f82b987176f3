"""paused_gc restores the collector's state whatever happens inside."""

import gc

import pytest

from schemagen.api.memory import paused_gc


def test_gc_is_off_inside_and_back_on_after() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_gc_state_restored_after_an_exception() -> None:
    with pytest.raises(RuntimeError), paused_gc():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_disabled_gc_stays_disabled() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_the_block_made_is_not_left_for_the_youngest_generation() -> None:
    gc.collect()
    with paused_gc():
        made = [[index] for index in range(5000)]
    assert gc.get_count()[0] < 1000  # not the 5,000 lists: the next young collection skips them
    del made


def test_cyclic_garbage_made_in_the_block_is_still_collected() -> None:
    class Node:
        pass

    with paused_gc():
        first, second = Node(), Node()
        first.other, second.other = second, first
        del first, second
    assert gc.collect() >= 2
