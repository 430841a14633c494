"""The engine's GC pause: off inside, back on after, nothing left for the next young collection."""

from __future__ import annotations

import gc
import weakref

from rafahdiff.core.gc_pause import gc_paused


class _Node:
    pass


def test_gc_is_off_inside_nested_blocks_and_on_after():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block leaves it off
    assert gc.isenabled()


def test_objects_made_in_the_block_leave_the_young_generation():
    gc.collect()
    with gc_paused():
        kept = [[k] for k in range(50_000)]
        assert gc.get_count()[0] > 10_000  # all still young while paused
    # in the oldest generation: the next young collection will not walk them
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(x) in oldest for x in kept[::997])


def test_cycles_made_in_the_block_are_still_collected():
    with gc_paused():
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        probe = weakref.ref(a)
        del a, b
    assert probe() is not None  # a cycle: reference counting alone cannot free it
    gc.collect()
    assert probe() is None


def test_gc_left_off_by_the_caller_stays_off():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
