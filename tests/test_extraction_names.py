"""Speaker names that a sentence opener used to swallow (issue #13), one table per rule.

Each row is (text, exact quotation, expected speaker name, expected speaker kind), written by
hand; the texts are invented.
"""
from __future__ import annotations

import pytest

from api.extraction import extract_quotes
from api.extraction.names import person_name_tokens


def _check(text, passage, name, kind):
    quotes = extract_quotes(text, "2024-05-02")
    found = [q for q in quotes if q.text == passage]
    assert found, f"no passage {passage!r} in {[q.text for q in quotes]}"
    sp = found[0].speaker
    assert ((sp.name, sp.kind) if sp is not None else (None, None)) == (name, kind)


# names.py: a capitalised word opening a sentence that is never a given name
# ("Although", "Absent", "Despite", "Top", "Six") is no part of the name after it, neither at
# the cue nor in the article's cast that a bare surname resolves to.
OPENERS = [
    ("Although Ilse Marquardt said the plan was “a serious mistake,” the council approved it.",
     "a serious mistake,", "Ilse Marquardt", "person"),
    ("The board met on Monday. Absent Oduya, it voted to delay the plan. "
     "“I had no quorum,” Oduya said on Tuesday.",
     "I had no quorum,", "Oduya", "person"),
    ("Top Venn aides met the donors on Friday. “I am ready for the debate,” Venn said.",
     "I am ready for the debate,", "Venn", "person"),
    ("Six Venn staffers resigned in March. “They left me for better jobs,” Venn said.",
     "They left me for better jobs,", "Venn", "person"),
    ("Despite Corinna Halloway's warnings, the mill closed. "
     "“It was avoidable,” Halloway told reporters.",
     "It was avoidable,", "Corinna Halloway", "person"),
    ("Will Ostrander chairs the port board. “The cranes are old,” Ostrander said.",
     "The cranes are old,", "Will Ostrander", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", OPENERS)
def test_sentence_openers_are_not_given_names(text, passage, name, kind):
    _check(text, passage, name, kind)


# names.py: an office ending in "Whip" or "Chief of Staff" is the role before a two-word name,
# so the person is named at the cue and in the cast a later surname or pronoun resolves to.
OFFICES = [
    ("“The vote is on Tuesday,” said Senate Majority Whip Paul Kerner.",
     "The vote is on Tuesday,", "Paul Kerner", "person"),
    ("House Minority Whip Paul Kerner met the governor on Monday. "
     "“The bill has no votes,” Kerner said.",
     "The bill has no votes,", "Paul Kerner", "person"),
    ("Deputy Chief of Staff Marta Lindqvist spoke to donors on Monday. "
     "“We are ready for the fall,” Lindqvist said.",
     "We are ready for the fall,", "Marta Lindqvist", "person"),
    ("Nora Whip runs the port. “The cranes are old,” Whip said.",
     "The cranes are old,", "Nora Whip", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", OFFICES)
def test_office_titles_before_a_name(text, passage, name, kind):
    _check(text, passage, name, kind)



# names.py: a run ending in a party's or a demonym's plural ("Ohio Democrats") names a group,
# so the article's cast (person_name_tokens) holds no person by that name; a given name before
# a plural-looking surname keeps the person.
GROUPS = [
    ("Hampshire Republicans", ()),
    ("Nevada Democrats", ()),
    ("Arab Americans", ()),
    ("Nora Democrats", ("Nora", "Democrats")),
    ("Lena Rogers", ("Lena", "Rogers")),
]


@pytest.mark.parametrize("run,tokens", GROUPS)
def test_party_plurals_are_groups(run, tokens):
    assert person_name_tokens(run) == tokens
