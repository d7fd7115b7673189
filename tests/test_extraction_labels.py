"""A name labelling a quotation with a colon (labels.py), on short hand-written texts.
Each row is (text, exact passage, expected speaker name); None means no speaker."""
from __future__ import annotations

import pytest

from api.extraction import extract_quotes


def _speaker(text: str, passage: str):
    quotes = extract_quotes(text, "2024-05-02")
    found = [q for q in quotes if q.text == passage]
    assert found, f"no passage {passage!r} in {[q.text for q in quotes]}"
    return found[0].speaker.name if found[0].speaker is not None else None


LABELS = [
    ("Both candidates rejected the toll. Quell: “Our goal is to finish the bridge by May.”",
     "Our goal is to finish the bridge by May.", "Quell"),
    ("The hearing grew tense. Rep. Dana Quell (R-Ore.): “I have not heard anyone cite that "
     "figure.”", "I have not heard anyone cite that figure.", "Dana Quell"),
    ("Budget hawks agree - Dana Quell: “The numbers simply do not add up.”",
     "The numbers simply do not add up.", "Dana Quell"),
    ("Consultant Omar Brisk spoke for an hour.\n\nAdded Omar Brisk: “So I think it is a very "
     "real problem.”", "So I think it is a very real problem.", "Omar Brisk"),
]

# No name before the colon, a place, or a headline about someone else.
LABELS_NOT = [
    ("From the report: “Samples with longer field periods did better.”",
     "Samples with longer field periods did better.", None),
    ("The river rose again overnight.\n\nPortland: “A city in mourning.”",
     "A city in mourning.", None),
]


@pytest.mark.parametrize("text,passage,name", LABELS + LABELS_NOT)
def test_label_before_a_colon(text, passage, name):
    assert _speaker(text, passage) == name
