"""The speaker stage (api/extraction/resolution.py, speakers.RULES): one table per rule.

Each row is (text, exact passage, expected speaker name, expected speaker kind), written
by hand; a kind of None means no speaker at all (a wrong name is worse than none).
"""
from __future__ import annotations

import pytest

from api.extraction import extract_quotes
from api.extraction.resolution import FORWARD_RULES
from api.extraction.speakers import RULES


def _check(text, passage, name, kind):
    quotes = extract_quotes(text, "2024-05-02")
    found = [q for q in quotes if q.text == passage]
    assert found, f"no passage {passage!r} in {[q.text for q in quotes]}"
    sp = found[0].speaker
    assert ((sp.name, sp.kind) if sp is not None else (None, None)) == (name, kind)


def test_rules_are_named_functions_in_docstring_order():
    names = [r.__name__ for r in RULES]
    assert names[:3] == ["by_place", "by_name", "by_pronoun"]
    assert names[-1] == "by_opening_person"
    assert [r.__name__ for r in FORWARD_RULES] == [
        "recent_anaphor", "next_subject", "next_named_speaker", "unknown"]


# A headline's verb ends a name: the words around it are no person.
HEADLINE_NAMES = [
    ("Marta Kovacs Says Bridge Plan Will Fail\n\nThe city's bridge plan drew fresh "
     "criticism on Tuesday.\n\n“The numbers simply do not add up,” Kovacs said.",
     "The numbers simply do not add up,", "Marta Kovacs", "person"),
    ("Despite Nadia Petrova’s warning, the council voted for the tower.\n\n"
     "“We will regret this,” Petrova said.", "We will regret this,", "Nadia Petrova", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", HEADLINE_NAMES)
def test_headline_words_are_no_name(text, passage, name, kind):
    _check(text, passage, name, kind)


# A US state or city is where something happens, never who speaks.
PLACES = [
    ("Counting went on through the night. “The count will take days,” said Nevada on "
     "Tuesday.", "The count will take days,", None, None),
]


@pytest.mark.parametrize("text,passage,name,kind", PLACES)
def test_a_state_is_no_speaker(text, passage, name, kind):
    _check(text, passage, name, kind)


# After the verb, a place or party and a role lead to the name: the name speaks.
ROLES_BEFORE_NAMES = [
    ("“Turnout was higher than we planned for,” said Ohio county clerk Dana Whitfield.",
     "Turnout was higher than we planned for,", "Dana Whitfield", "person"),
    ("“The margins are thin everywhere,” said Democratic pollster Irene Castellanos.",
     "The margins are thin everywhere,", "Irene Castellanos", "person"),
    ("“Nobody should read much into one poll,” said Wexford College political scientist "
     "Harold Brandt.", "Nobody should read much into one poll,", "Harold Brandt", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", ROLES_BEFORE_NAMES)
def test_role_between_place_and_name(text, passage, name, kind):
    _check(text, passage, name, kind)


# "said the Vermont senator": a description, resolved to the person holding that role.
PLACE_ROLES = [
    ("Vermont Sen. Lyle Granger spoke for an hour in the chamber.\n\n“This bill is a "
     "giveaway,” said the Vermont senator.", "This bill is a giveaway,", "Lyle Granger",
     "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", PLACE_ROLES)
def test_place_and_role_description(text, passage, name, kind):
    _check(text, passage, name, kind)


# "she" goes to a person, never to a place, an event or a building named since.
PRONOUN_PERSONS = [
    ("Lena Fisk toured the coast on Monday. The storm had flooded the Harbor Islands "
     "overnight.\n\n“We need the money now,” she said.", "We need the money now,",
     "Lena Fisk", "person"),
    ("Mara Quist spoke at the rally. Quist then met the organisers. Crowds packed the "
     "Granite Hall afterwards.\n\n"
     "“This is only the start,” she said.", "This is only the start,", "Mara Quist",
     "person"),
    ("Dennis Okafor opened the hearing. Members then reviewed the Budget Speech.\n\n"
     "“The numbers are worse than we thought,” he said.",
     "The numbers are worse than we thought,", "Dennis Okafor", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", PRONOUN_PERSONS)
def test_pronoun_takes_a_person(text, passage, name, kind):
    _check(text, passage, name, kind)


# After the verb, a compound description keeps its last noun, and a role written before
# a name gives the name.
COMPOUND_DESCRIPTIONS = [
    ("“Morale has never been lower,” said one former agency official.",
     "Morale has never been lower,", "former agency official", "anonymous"),
    ("“We will open offices in every county,” added his campaign manager Rosa Delgado.",
     "We will open offices in every county,", "Rosa Delgado", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", COMPOUND_DESCRIPTIONS)
def test_compound_description_after_the_verb(text, passage, name, kind):
    _check(text, passage, name, kind)


# "the Democratic nominee" is never a person whose role names the other party.
PARTIES = [
    ("Democratic nominee Alma Reyes met voters in Toledo. Her rival, Republican nominee "
     "Grant Hollis, stayed in Ohio.\n\n“Every vote counts here,” said the Democratic "
     "nominee.", "Every vote counts here,", "Alma Reyes", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", PARTIES)
def test_party_of_the_description(text, passage, name, kind):
    _check(text, passage, name, kind)
