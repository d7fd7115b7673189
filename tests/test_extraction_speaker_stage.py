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
    assert names[:4] == ["by_place", "by_headline", "by_name", "by_pronoun"]
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
    ("Indiana Gov. Mark Dalton campaigned in Ohio on Monday. Senator Ruth Adler also "
     "spoke.\n\nThe Indiana governor said voters wanted “a real change.”", "a real change.",
     "Mark Dalton", "person"),
    ("Republican nominee Grant Hollis toured a plant. His rival, Alma Reyes, held a rally."
     "\n\n“We will bring these jobs back,” the Republican nominee said.",
     "We will bring these jobs back,", "Grant Hollis", "person"),
    ("Former Secretary of State Jane Wexler spoke first. Then Mayor Tom Bell spoke.\n\n"
     "“It was a fine evening,” the former secretary of state said.",
     "It was a fine evening,", "Jane Wexler", "person"),
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


# Names: an honorific's gender, a delegate's title, a relative clause about the
# speaker's organisation.
NAME_DETAILS = [
    ("Diana Marsh opened the gala. Mr. Marsh stayed home.\n\n“It was a long year,” "
     "Mr. Marsh said.", "It was a long year,", "Marsh", "person"),
    ("“The vote is a disgrace,” said Del. Ruth Okonjo (D-Guam).", "The vote is a disgrace,",
     "Ruth Okonjo", "person"),
    ("Pavel Ivers, president of the Guild of Hollis Bakers, which speaks for city "
     "bakers, said he hopes “the council listens.”", "the council listens.",
     "Pavel Ivers", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", NAME_DETAILS)
def test_name_details(text, passage, name, kind):
    _check(text, passage, name, kind)


# Headline and sentence openers glued to a name are no part of it.
NAME_OPENERS = [
    ("Why Voters Are Cheering Nora Lindqvist\n\nThe mayor won a second term.\n\n"
     "“We did it together,” Lindqvist said.", "We did it together,", "Nora Lindqvist",
     "person"),
    ("Does Halvorsen Have A Plan\n\nCouncillor Erik Halvorsen spoke on Monday.\n\n"
     "“The plan is ready,” Halvorsen said.", "The plan is ready,", "Erik Halvorsen",
     "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", NAME_OPENERS)
def test_name_openers(text, passage, name, kind):
    _check(text, passage, name, kind)


# A bare surname shared by several persons is the one who spoke last.
NAMESAKES = [
    ("“We will win this seat,” said candidate Ana Ruiz on Monday. Her husband, Pedro Ruiz, "
     "stood beside her.\n\n“Nobody gave us a chance,” Ruiz said.",
     "Nobody gave us a chance,", "Ana Ruiz", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", NAMESAKES)
def test_namesakes(text, passage, name, kind):
    _check(text, passage, name, kind)


# he/she in its own sentence is the subject named first, not a preposition's object.
SENTENCE_SUBJECTS = [
    ("While Thomas Brandt praised Ivan Kolar, he also warned that “the numbers do not lie.”",
     "the numbers do not lie.", "Thomas Brandt", "person"),
    ("After the defeat of Ivan Kolar, Thomas Brandt said he was “ready to lead.”",
     "ready to lead.", "Thomas Brandt", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", SENTENCE_SUBJECTS)
def test_pronoun_in_its_sentence(text, passage, name, kind):
    _check(text, passage, name, kind)


# A description no speaker precedes is the subject of its own sentence when one is named.
DESCRIPTION_SUBJECTS = [
    ("The vote is on Friday.\n\nAs Ruth Adler weighed the offer from Thomas Grant, the "
     "senator said she had “no plan to back down first.”",
     "no plan to back down first.", "Ruth Adler", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", DESCRIPTION_SUBJECTS)
def test_description_in_its_sentence(text, passage, name, kind):
    _check(text, passage, name, kind)


# A run in capitals or a headline clause is no speaker; a surname that looks like a
# verb ("Said") still is one.
HEADLINE_SPEAKERS = [
    ("VOTE EARLY Now\n\nPolls open at seven.\n\n“Bring your card,” VOTE EARLY Now said.",
     "Bring your card,", None, None),
    ("“The fund is empty,” said campaigner Layla Said. “We need help.”",
     "The fund is empty,", "Layla Said", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", HEADLINE_SPEAKERS)
def test_headline_speakers(text, passage, name, kind):
    _check(text, passage, name, kind)


# "the president" is not the vice president; "the Ohio senator" not a senator of another
# state.
RANKS_AND_PLACES = [
    ("Vice President Leon Marsh spoke first. Former President Ada Quinn followed him.\n\n"
     "“We built this party,” the former president said.", "We built this party,",
     "Ada Quinn", "person"),
    ("Ohio Sen. Mark Dalton and Vermont Sen. Thomas Reilly met on Monday.\n\n"
     "“It went well,” said the Ohio senator.", "It went well,", "Mark Dalton", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", RANKS_AND_PLACES)
def test_rank_and_place_of_the_description(text, passage, name, kind):
    _check(text, passage, name, kind)


# "a statement saying" is the issuer the sentence opens with, never one of two.
ISSUERS = [
    ("Union leader Marta Kovacs issued a statement saying the deal was “a betrayal.”",
     "a betrayal.", "Marta Kovacs", "person"),
    ("Marta Kovacs and Ivan Petrov issued a statement saying the deal was “a betrayal.”",
     "a betrayal.", None, None),
]


@pytest.mark.parametrize("text,passage,name,kind", ISSUERS)
def test_statement_issuer(text, passage, name, kind):
    _check(text, passage, name, kind)


# A contracted pronoun is a pronoun.
CONTRACTED = [
    ("Governor Tom Reilly spoke in Dayton on Monday. He’s predicting “a record turnout.”",
     "a record turnout.", "Tom Reilly", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", CONTRACTED)
def test_contracted_pronoun(text, passage, name, kind):
    _check(text, passage, name, kind)


# he/she after a sentence that ends by citing a person ("…, Mr. Roe said.") is that person.
CLOSING_CITES = [
    ("Barack Kellan spoke at length. Lora Finch, a scientist, said “the data are clear.”\n\n"
     "Warmer seas could displace millions of people, Mr. Kellan said in his interview.\n\n"
     "“If even a share of those families has to move,” he said, “you have a crisis.”",
     "If even a share of those families has to move,", "Barack Kellan", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", CLOSING_CITES)
def test_pronoun_after_a_closing_cite(text, passage, name, kind):
    _check(text, passage, name, kind)


# A group ("the members") or a mere person ("the person", "the source") nobody precedes
# is not the person named next: an anonymous speaker of that description.
NOT_NAMED_AHEAD = [
    ("Dozens of council members condemned the closure of the clinic on Friday.\n\n“This "
     "hurts the east side most,” the members told the mayor by email.\n\nMayor Jan Ostrowski "
     "defended the plan. “The clinic will reopen in May,” Ostrowski said.",
     "This hurts the east side most,", "members", "anonymous"),
    ("The talks have been stalled since March, according to a person close to the "
     "negotiations.\n\n“Nobody wants to move first,” the person said.\n\n“We are ready to "
     "talk,” said Lisa Hartig, the union's chair.", "Nobody wants to move first,", "person",
     "anonymous"),
    ("The hospital has been closed since March.\n\n“Nobody told us anything,” the source "
     "said.\n\n“We are working on it,” said Lisa Hartig, the hospital's director.",
     "Nobody told us anything,", "source", "anonymous"),
    # an office is the person named at the next attribution
    ("“We have sent the papers,” the US ambassador to Peru said on Monday.\n\n“Frankly, "
     "nothing has moved,” Carla Mendes said.", "We have sent the papers,", "Carla Mendes",
     "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", NOT_NAMED_AHEAD)
def test_group_or_person_is_not_named_ahead(text, passage, name, kind):
    _check(text, passage, name, kind)


# "X released a statement saying …": the statement is X's, whoever X is (a name after an
# opening phrase, an organisation, a description, he/she); no one of a compound subject.
ISSUERS = [
    ("In Geneva on Monday, Foreign Minister Ana Belova released a statement saying the talks "
     "had “failed.”", "failed.", "Ana Belova", "person"),
    ("The town council issued a report on Friday saying the bridge was “unsafe.”", "unsafe.",
     "town council", "organization"),
    ("Tomas Brandt, a lawyer, spoke first.\n\nThe Harbor Museum issued a report this month "
     "saying the pier was “beyond repair.”", "beyond repair.", "Harbor Museum",
     "organization"),
    ("Ruth Adler chairs the board.\n\nLast week, she issued a statement saying the sale "
     "was “final.”", "final.", "Ruth Adler", "person"),
    ("Ruth Adler and Paul Okafor issued a statement saying the sale was “final.”", "final.",
     None, None),
]


@pytest.mark.parametrize("text,passage,name,kind", ISSUERS)
def test_issuer_of_a_statement(text, passage, name, kind):
    _check(text, passage, name, kind)


# A description whose role the previous sentence's subject holds is that subject, before
# an earlier speaker holding the same role.
ROLE_OF_THE_SUBJECT = [
    ("“We will not back down,” said Senator Ana Reyes, a Democrat.\n\nSenator Paul Okafor, a "
     "Republican, disagreed on Monday. “The bill is dead,” the senator said.",
     "The bill is dead,", "Paul Okafor", "person"),
    ("“We will not back down,” said Senator Ana Reyes, a Democrat.\n\nThe vote was delayed "
     "again. “The bill is dead,” the senator said.", "The bill is dead,", "Ana Reyes",
     "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", ROLE_OF_THE_SUBJECT)
def test_role_of_the_previous_subject(text, passage, name, kind):
    _check(text, passage, name, kind)
