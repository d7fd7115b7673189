"""Partial quotations voiced by the subject of a stance verb (stance.py), on short
hand-written texts. Each row is (text, exact passage, expected speaker name); None means
no speaker at all."""
from __future__ import annotations

import pytest

from api.extraction import extract_quotes


def _speaker(text: str, passage: str):
    quotes = extract_quotes(text, "2024-05-02")
    found = [q for q in quotes if q.text == passage]
    assert found, f"no passage {passage!r} in {[q.text for q in quotes]}"
    return found[0].speaker.name if found[0].speaker is not None else None


# The subject opening the sentence, then a stance verb, then the quotation in its clause.
STANCE = [
    ("Councillor Ines Barrow referred to the new depot as “a monument to waste.”",
     "a monument to waste.", "Ines Barrow"),
    ("Ines Barrow credited the night crews for “keeping the lights on.”",
     "keeping the lights on.", "Ines Barrow"),
    ("Ines Barrow likened the rival plan to “a weathervane” on Tuesday.",
     "a weathervane", "Ines Barrow"),
    ("At a hearing in Dover, Ines Barrow again referred to the levy as “a tax on breathing.”",
     "a tax on breathing.", "Ines Barrow"),
    ("Ines Barrow defended the night crews against “cheap shots” from the council.",
     "cheap shots", "Ines Barrow"),
    ("Ines Barrow thought the levy would be “gone by spring.”", "gone by spring.", "Ines Barrow"),
]

# The quotation is someone else's words or a claim, or sits in a later clause: not the
# subject's (the stance rule stays silent; other rules may still answer).
STANCE_NOT = [
    ("Ines Barrow referred to the depot, which critics call “a gift to developers.”",
     "a gift to developers.", None),
    ("Ines Barrow referred to Kofi Dant's remarks that the depot was “a gift to the city.”",
     "a gift to the city.", None),
    ("Ines Barrow credited Kofi Dant, who told reporters the depot was “a gift to the city.”",
     "a gift to the city.", "Kofi Dant"),
    ("Ines Barrow likened the ruling to a statement in which the court called the levy "
     "“a tax on breathing.”", "a tax on breathing.", "court"),
]


@pytest.mark.parametrize("text,passage,name", STANCE + STANCE_NOT)
def test_stance_subject(text, passage, name):
    assert _speaker(text, passage) == name


# "pressed" reports a question or a demand ("“…?” Quell pressed."); "the press" stays a noun.
PRESSED = [
    ("“Would the toll stay in place?” Councillor Rhea Quell pressed. “Even for residents?”",
     "Would the toll stay in place?", "Rhea Quell"),
    ("“We will build it,” said Ines Barrow, as the press pressed toward the stage.",
     "We will build it,", "Ines Barrow"),
    ("Ines Barrow told the press “the bridge will open in May.”",
     "the bridge will open in May.", "Ines Barrow"),
]


@pytest.mark.parametrize("text,passage,name", PRESSED)
def test_pressed_is_a_speech_verb(text, passage, name):
    assert _speaker(text, passage) == name


# "X quoted Kim as saying …" (issue 13, point 5): the words are Kim's, never X's.
QUOTED_AS = [
    ("Ines Barrow quoted Kofi Dant as saying the depot was “a gift to developers.”",
     "a gift to developers.", "Kofi Dant"),
    ("The newsletter quoted the treasurer as saying the fund was “nearly empty.”",
     "nearly empty.", "treasurer"),
]


@pytest.mark.parametrize("text,passage,name", QUOTED_AS)
def test_quoted_as_saying_is_the_quoted_persons(text, passage, name):
    assert _speaker(text, passage) == name
