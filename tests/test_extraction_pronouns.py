"""he/she at a speech cue (pronouns.py), on short hand-written texts, one table per step.

Each row is (text, exact passage, expected speaker name); the passage is the exact span
expected, written by hand from reading the text. A name of None means no speaker.
"""
from __future__ import annotations

import pytest

from api.extraction import extract_quotes
from api.extraction.pronouns import STEPS


def _speaker(text: str, passage: str) -> str | None:
    quotes = extract_quotes(text, "2024-05-02")
    found = [q for q in quotes if q.text == passage]
    assert found, f"no passage {passage!r} in {[q.text for q in quotes]}"
    return found[0].speaker.name if found[0].speaker is not None else None


def test_steps_in_order():
    assert [s.__name__ for s in STEPS] == [
        "subordinate_subject", "clause_subject", "closing_speaker", "parenthetical_speaker",
        "previous_subject",
        "chained_subject", "subject_since", "previous_clause_subject", "named_since_speaker",
        "last_speaker", "in_sentence", "last_person", "speaker_fitting", "last_of_gender"]


_PORT = ("Daniel Okafor opposed the sale from the start.\n\n"
         "“We will appeal,” said Tomas Brandt, a lawyer for the port.\n\n")

# The person opening a main clause of the previous sentence, after a comma or "but", when
# the sentence does not open with them: they are the topic "he" continues.
PREVIOUS_CLAUSE_SUBJECT = [
    (_PORT + "The board was ready to move on, but Okafor was not. “Nobody asked the "
     "workers,” he said.", "Nobody asked the workers,", "Daniel Okafor"),
    ("Senator Ines Varga has long backed the bill.\n\n“The votes are there,” said Marta "
     "Quell, the majority whip.\n\nIt was a narrow win, and Varga, who wrote the first draft "
     "in 2019, took the floor. “This is a good day,” she said.", "This is a good day,",
     "Ines Varga"),
    (_PORT + "It was a long night for the harbour board, but Okafor, who has run the docks "
     "since 2015, stayed calm. “I have said all I will say,” he said.",
     "I have said all I will say,", "Daniel Okafor"),
    # named only as a preposition's object or in a subordinate clause: the last speaker
    (_PORT + "The board sided with Okafor on Tuesday. “This is a good day for the port,” he "
     "said.", "This is a good day for the port,", "Tomas Brandt"),
    (_PORT + "The board voted again after Okafor left the room. “We will win on appeal,” he "
     "said.", "We will win on appeal,", "Tomas Brandt"),
]


@pytest.mark.parametrize("text,passage,name", PREVIOUS_CLAUSE_SUBJECT)
def test_previous_clause_subject(text, passage, name):
    assert _speaker(text, passage) == name


# When the last speaker and the last person named are of the other gender, he/she is
# the latest person of that gender who spoke, before a person of it merely named.
SPEAKER_BEFORE_NAMED = [
    ("Lena Marsh chairs the council. “The budget is tight,” she said.\n\n"
     "Paul Ortega, who leads the union, was in no mood for compromise. “We want a fair "
     "deal,” he said. His members met the finance director, Ruth Kline, and Omar Haddad.\n\n"
     "“Nobody here wants a strike,” she said.", "Nobody here wants a strike,", "Lena Marsh"),
    # nobody of that gender spoke: the last person of that gender named
    ("Paul Ortega, who leads the union, was in no mood for compromise. “We want a fair "
     "deal,” he said. His members met the finance director, Ruth Kline, and Omar Haddad.\n\n"
     "“Nobody here wants a strike,” she said.", "Nobody here wants a strike,", "Ruth Kline"),
]


@pytest.mark.parametrize("text,passage,name", SPEAKER_BEFORE_NAMED)
def test_speaker_before_person_named(text, passage, name):
    assert _speaker(text, passage) == name


# A middle initial "M." is part of the name (not the French "M." before a surname): the
# person keeps their full name and, through it, their gender for a later "he".
MIDDLE_INITIAL = [
    ("Senate leader Harold M. Pike opened the session on Monday. “We have the votes,” Pike "
     "said.", "We have the votes,", "Harold M. Pike"),
    ("“We have the votes,” said Harold M. Pike, the majority leader.\n\nRep. Ada Lunde "
     "disagreed. “They do not,” she said. Later, reporters asked the leader about it. “We "
     "will see,” he said.", "We will see,", "Harold M. Pike"),
]


@pytest.mark.parametrize("text,passage,name", MIDDLE_INITIAL)
def test_middle_initial_is_part_of_the_name(text, passage, name):
    assert _speaker(text, passage) == name


_DEPOT = ("Lena Ford, the council's treasurer, spoke first. “The money is gone,” she said.\n\n"
          "“We will finish the line by spring,” said Tom Reese, the transit director, who "
          "toured the depot with Mayor Ines Carrow.\n\n")

# Once someone has spoken, a person merely named more than six sentences back is less
# salient than an earlier speaker of that gender; named just before, they are the one.
LAST_PERSON_NEARBY = [
    (_DEPOT + "The depot cost 40 million dollars. Its roof holds solar panels. The council "
     "paid half. The state paid the rest. Buses will leave every ten minutes. Drivers start "
     "at 5 a.m.\n\n“Nobody asked the riders,” she said.", "Nobody asked the riders,",
     "Lena Ford"),
    (_DEPOT + "The depot cost 40 million dollars. Its roof holds solar panels.\n\n“Nobody "
     "asked the riders,” she said.", "Nobody asked the riders,", "Ines Carrow"),
]


@pytest.mark.parametrize("text,passage,name", LAST_PERSON_NEARBY)
def test_last_person_named_nearby(text, passage, name):
    assert _speaker(text, passage) == name


_BUS = "“We will finish the line by spring,” said Tom Reese, the transit director"

# When the last speaker spoke before the previous paragraph, a person named since then in
# the pronoun's paragraph or the one before is the one he/she means; within a paragraph
# of the last speaker, the pronoun continues the last speaker.
NAMED_SINCE_SPEAKER = [
    (_BUS + ".\n\nThe depot opened in March at a cost of 40 million dollars.\n\nPassengers "
     "were less sure. Among them was Omar Haddad, a nurse who takes the first bus each "
     "morning.\n\n“It is always late,” he said.", "It is always late,", "Omar Haddad"),
    (_BUS + ", after a meeting with Mayor Paul Engel.\n\n“The money is there,” he said.",
     "The money is there,", "Tom Reese"),
    # a possessive is no subject of the story: the last speaker goes on
    (_BUS + ".\n\nThe depot opened in March.\n\nIt replaces the old yard, a relic of Mayor "
     "Paul Engel's years in office.\n\n“The new one is twice as big,” he said.",
     "The new one is twice as big,", "Tom Reese"),
]


@pytest.mark.parametrize("text,passage,name", NAMED_SINCE_SPEAKER)
def test_named_since_speaker(text, passage, name):
    assert _speaker(text, passage) == name


# In its own sentence: after a subordinate clause the pronoun opening the main clause is
# the person named in it; else the person opening a main clause before the pronoun, not
# one named in a subordinate clause; a mere object counts only when nobody has spoken.
OWN_SENTENCE = [
    (_PORT + "While Ruth Adler praised the board, she said the vote was “a first step.”",
     "a first step.", "Ruth Adler"),
    (_PORT + "Later, when reporters reached Paul Marsh by phone, he said: “There is nothing "
     "to appeal.”", "There is nothing to appeal.", "Paul Marsh"),
    (_PORT + "When Ruth Adler asked for a delay on Monday, Ines Varga refused, and she told "
     "reporters: “We cannot wait another day.”", "We cannot wait another day.", "Ines Varga"),
    ("“We will appeal,” said Thomas Brandt, a lawyer for the port.\n\nThe board thanked "
     "Ruth Adler for her work, and she told reporters: “I will stay on.”", "I will stay on.",
     "Ruth Adler"),
]


@pytest.mark.parametrize("text,passage,name", OWN_SENTENCE)
def test_own_sentence(text, passage, name):
    assert _speaker(text, passage) == name


# A given name used for both genders (Terry, Jamie) tells no gender: "she" may be Terry.
UNISEX_GIVEN_NAMES = [
    ("Terry Vance, the widow of a firefighter, spoke first. “We waited fifteen years,” she "
     "said.\n\n“We will study the bill,” said Paul Ortega, a spokesman.\n\n“That is not "
     "enough,” she said.", "That is not enough,", "Terry Vance"),
    ("Jamie Holt runs the shelter on Dock Street. “We are full every night,” she said.",
     "We are full every night,", "Jamie Holt"),
]


@pytest.mark.parametrize("text,passage,name", UNISEX_GIVEN_NAMES)
def test_unisex_given_names(text, passage, name):
    assert _speaker(text, passage) == name


def test_a_caucus_is_an_organisation():
    text = "Members met on Monday. “We will not be ignored,” said Black Caucus, in a statement."
    quotes = extract_quotes(text, "2024-05-02")
    assert [(q.speaker.name, q.speaker.kind) for q in quotes] == [("Black Caucus",
                                                                    "organization")]


# A cue between commas inside the previous sentence gives that sentence's voice: "he" is
# the one who spoke, not the subject spoken of.
PARENTHETICAL_SPEAKER = [
    ("Daniel Okafor runs the port. Harbour master Paul Engel has been there longer.\n\n"
     "Okafor, Engel said, has “never once asked the crews.” “He should start now,” he "
     "said.", "He should start now,", "Paul Engel"),
    ("Daniel Okafor runs the port. Harbour master Paul Engel has been there longer.\n\n"
     "Okafor has “asked the crews twice.” “I will ask them again,” he said.",
     "I will ask them again,", "Daniel Okafor"),
]


@pytest.mark.parametrize("text,passage,name", PARENTHETICAL_SPEAKER)
def test_parenthetical_speaker(text, passage, name):
    assert _speaker(text, passage) == name
