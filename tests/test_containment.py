"""Containment pairs (core.containment): a sentence quoted whole inside a longer one pairs with it
even though its Dice score is below the threshold; a unit sharing too few words does not."""

from __future__ import annotations

from rafahdiff.core.features import build_features
from rafahdiff.core.score import DEFAULT_THRESHOLD, score_units
from tests.align_helpers import aligned, check_structure, pair_of, unit_with

FILL_A = [
    "Fishermen from three villages carried the stones down the cliff path on their backs.",
    "The lighthouse was painted red and white in the spring of that year.",
]
FILL_B = [
    "Snow closed the mountain pass for eleven days in January.",
    "Teachers at the primary school organised a concert for the parents.",
]
SHORT = "The harbour committee approved a new budget for dredging the eastern channel on Tuesday."
LONG = (
    "After weeks of argument about fishing quotas, tourist ferries, parking fees and the future of the "
    "old customs house, the harbour committee approved a new budget for dredging the eastern channel on "
    "Tuesday, according to a statement the mayor's office released late in the evening, together with revised "
    "tables on salmon hatcheries, breakwater repairs, pilot licences, container cranes and seasonal moorings."
)


def doc(fill: list[str], middle: str) -> str:
    return "\n\n".join([fill[0], middle, fill[1]]) + "\n"


def test_a_sentence_quoted_whole_in_a_longer_one_pairs_with_it():
    for a_text, b_text in ((doc(FILL_A, SHORT), doc(FILL_B, LONG)), (doc(FILL_B, LONG), doc(FILL_A, SHORT))):
        a, b, pairs = aligned(a_text, b_text)
        check_structure(a, b, pairs)
        i, j = unit_with(a, "harbour committee"), unit_with(b, "harbour committee")
        pf = build_features(a, b)
        assert score_units(pf.a[i], pf.b[j], pf.weights) < DEFAULT_THRESHOLD  # Dice alone says no
        p = pair_of(pairs, "a", i)
        assert p is not None and p.b == (j,) and p.relation == "related"
        assert len(pairs) == 1  # the fillers stay apart


def test_a_short_sentence_sharing_few_words_stays_unpaired():
    # Wholly inside LONG too, but only four content words: too little to say it is told there.
    a, b, pairs = aligned(doc(FILL_A, "The harbour committee approved a budget."), doc(FILL_B, LONG))
    assert pairs == ()


def test_a_list_pasted_as_one_line_pairs_with_its_adjacent_lines():
    lines = [
        "Biomass, the total mass of living biological matter in a given area or ecosystem at a given time",
        "Biomolecule, a chemical compound that naturally occurs in living organisms and their tissues",
        "Cellular component, material and substances of which cells and thus living organisms are composed",
    ]
    glued = (
        "Glossary of terms used by the laboratory staff when writing field reports " + " ".join(lines)
        + " together with abbreviations for sampling gear, weather codes, tidal gauges, sediment cores "
        "and the names of every research vessel chartered by the institute since its foundation"
    )
    a, b, pairs = aligned(doc(FILL_A, glued), "\n".join([FILL_B[0], *lines, FILL_B[1]]) + "\n")
    check_structure(a, b, pairs)
    i = unit_with(a, "Glossary")
    p = pair_of(pairs, "a", i)
    assert p is not None
    assert set(p.b) == {unit_with(b, line[:20]) for line in lines}


def test_short_list_items_pasted_in_one_line_pair_together_but_not_alone():
    items = ["Motor carrier safety inspections", "Commercial vehicle weight enforcement", "Salvage vehicle title checks"]
    glued = (
        "These are the services the state patrol agency provides on every highway in the region: "
        + ", ".join(i.lower() for i in items)
        + ", together with breath testing equipment maintenance and training for county sheriffs"
    )
    b_text = "\n".join([FILL_B[0], "These are the services the patrol provides:", *items, FILL_B[1]]) + "\n"
    a, b, pairs = aligned(doc(FILL_A, glued), b_text)
    check_structure(a, b, pairs)
    p = pair_of(pairs, "a", unit_with(a, "state patrol"))
    assert p is not None
    assert {unit_with(b, i) for i in items} <= set(p.b)
    # One item alone (four content words) is too little to pair.
    a, b, pairs = aligned(doc(FILL_A, glued), "\n".join([FILL_B[0], items[0], FILL_B[1]]) + "\n")
    assert pair_of(pairs, "b", unit_with(b, items[0])) is None
