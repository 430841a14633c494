"""Evidence weights: how much sharing a word says that two sentences tell the same thing.

A word is weighed by its rarity over the units of the two documents compared (IDF), so the
names a story repeats in every sentence (Netanyahu, Rafah, Hamas) count little, while a name or
figure that occurs once on each side counts a lot. Built-in English function words stay weak even
in short texts where IDF has too few units to learn that; names (mostly capitalised inside a
sentence) and numbers get a boost because they are the facts a journalist checks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

#: Multiplier for names and numbers: facts weigh more than wording.
FACT_BOOST = 1.5
#: Multiplier for English function words.
STOPWORD_FACTOR = 0.25


def idf_weights(
    df: Sequence[int], n_units: int, is_stop: Sequence[bool], is_fact: Sequence[bool]
) -> list[float]:
    """One weight per vocabulary id: smoothed IDF scaled by the stopword / fact factors."""
    n = n_units + 1.0
    out = []
    for d, stop, fact in zip(df, is_stop, is_fact):
        w = math.log(n / (d + 0.5)) if d else 0.0
        w = max(w, 0.05)
        if stop:
            w *= STOPWORD_FACTOR
        elif fact:
            w *= FACT_BOOST
        out.append(w)
    return out
