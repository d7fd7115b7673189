"""Speaker subjects: who he/she means after a named person, and names read past titles,
on short hand-written texts.

Each row is (text, exact passage, expected speaker name, expected speaker kind), the
expected values written by hand from reading the text; a kind of None means no speaker.
"""
from __future__ import annotations

import pytest

from api.extraction import extract_quotes


def _speaker(text: str, passage: str):
    quotes = extract_quotes(text, "2024-05-02")
    found = [q for q in quotes if q.text == passage]
    assert found, f"no passage {passage!r} in {[q.text for q in quotes]}"
    sp = found[0].speaker
    return (sp.name, sp.kind) if sp is not None else (None, None)


# The subject of the sentence before the quote, in constructions the subject finder
# must read: a surname the article only writes with an honorific; a name after an
# opening participle clause and before an appositive; a long title before a name; the
# person a sentence ends by citing with an appositive that has no article; a surname
# several persons share; a name after an opening phrase, a place and a role noun.
PREVIOUS_SUBJECT = [
    ("“The talks are over,” said Paul Brandt, a union negotiator.\n\n"
     "Mr. Okafor left the talks early on Sunday.\n\n"
     "“We have made our last offer,” he said.",
     "We have made our last offer,", "Okafor", "person"),
    ("“The berths are full,” said Omar Haddad, a pilot.\n\n"
     "Asked about the delay, Tom Reyes, the port's director, blamed the cranes.\n\n"
     "“We will catch up by June,” he said.",
     "We will catch up by June,", "Tom Reyes", "person"),
    ("“Ticket sales are down,” said Ines Moreau, a promoter.\n\n"
     "The Dorf Gazette music critic Lena Falk has followed the band for years.\n\n"
     "“They have never sounded better,” she said.",
     "They have never sounded better,", "Lena Falk", "person"),
    # a bare surname two persons share: the one named in full most often, not the one
    # named last
    ("Jon Quist won the vote. Jon Quist thanked his staff. Ada Quist, his sister, cheered.\n\n"
     "“It was a long night,” said Paul Brandt, a volunteer.\n\n"
     "At the rally on Friday, Quist vowed to cut fares.\n\n"
     "“Buses will be free by June,” he said.",
     "Buses will be free by June,", "Jon Quist", "person"),
    # after an opening phrase, a name behind a place and a role noun
    ("“The market is cold,” said Omar Haddad, a trader.\n\n"
     "Over the winter, Dover orchard owner Mel Sandor replanted half his trees.\n\n"
     "“The frost took the rest,” he said.",
     "The frost took the rest,", "Mel Sandor", "person"),
    ("“We are cautious,” said Omar Haddad, a trader.\n\n"
     "The index rose in May, said Paul Brandt, chief economist at Dorf Bank. "
     "“It will keep rising,” he said.",
     "It will keep rising,", "Paul Brandt", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", PREVIOUS_SUBJECT)
def test_pronoun_takes_the_previous_subject(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# "Dover-area", "Ohio-based": an adjective before a name is no part of a person's name.
ADJECTIVE_BEFORE_NAME = [
    ("Several Dover-area Quist volunteers waited outside the hall.\n\n"
     "“We knocked on every door,” Mr. Quist said.",
     "We knocked on every door,", "Quist", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", ADJECTIVE_BEFORE_NAME)
def test_hyphenated_adjective_is_not_a_name(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# A cue right after the closing mark whose name follows an acronym or a possessive with a
# role ("former FBI agent", "Hale's campaign chief").
BESIDE_TITLED = [
    ("The port was closed on Monday.\n\n“Nobody checked the cargo,” former FBI agent Tom Gill "
     "explained.", "Nobody checked the cargo,", "Tom Gill", "person"),
    ("The port was closed on Monday.\n\n“We will win this,” Hale's campaign chief Ada Lind said.",
     "We will win this,", "Ada Lind", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", BESIDE_TITLED)
def test_cue_beside_after_a_titled_name(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# he/she after the last speaker: a person of that gender who opened a sentence of the
# paragraph or the one before, after the last speaker spoke, is meant.
SUBJECT_SINCE = [
    ("“Fares must rise,” said Paul Brandt, the transit chief.\n\n"
     "Tom Reyes has driven a bus for thirty years. His route crosses the old bridge.\n\n"
     "Every morning the line is full. “I know every pothole,” he said.",
     "I know every pothole,", "Tom Reyes", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", SUBJECT_SINCE)
def test_pronoun_takes_a_subject_named_since_the_last_speaker(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# The noun phrase after a participle or a transitive speech verb is its object, never an
# inverted subject; the sentence's subject speaks ("…, telling a radio host: “…”"), also
# after an opening time phrase ("Back in 2004,", "Hours after the vote,").
OBJECT_IS_NO_SPEAKER = [
    ("Back in 2004, Tom Hale launched his first boat, telling a local paper: "
     "“The sea was always my office.”", "The sea was always my office.", "Tom Hale", "person"),
    ("Dara Quist, who coached the team in 2010, described the new stadium on Monday as "
     "“a concrete bathtub.”", "a concrete bathtub.", "Dara Quist", "person"),
    ("The baker Ivo Marsh, owner of three shops, thanked the council for “cheap rent at last.”",
     "cheap rent at last.", "Ivo Marsh", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", OBJECT_IS_NO_SPEAKER)
def test_object_of_the_verb_is_no_speaker(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# A quotation ending with "?" or "!" has its cue beside it although the sentence splitter
# ends a sentence at the mark; the previous paragraph's speaker does not continue.
QUESTION_BESIDE = [
    ("The debate ran late.\n\n“We will see,” Tom Hale said.\n\n“Tonight?” Ada Lind repeated.",
     "Tonight?", "Ada Lind", "person"),
    ("The debate ran late.\n\n“We will see,” Tom Hale said.\n\n“Out now!” a protester shouted.",
     "Out now!", "protester", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", QUESTION_BESIDE)
def test_cue_beside_a_question(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# A speaker after a long appositive, past the usual 130-character window.
LONG_APPOSITIVE = [
    ("Tom Reyes, the treasurer of the Dover Rowing Club, a society that has trained rowers on "
     "the estuary since the winter of 1921 and still races twice a year, said that “the boathouse "
     "will close.”", "the boathouse will close.", "Tom Reyes", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", LONG_APPOSITIVE)
def test_speaker_after_a_long_appositive(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# Issue #13 point 3: a building or a dateline is never a speaker. "Hale Tower" is no person
# that "he" may mean; a dateline ("DOVER —") does not open the sentence's subject.
NO_PLACE_SPEAKER = [
    ("Tom Hale spoke at Hale Tower on Monday. Hale Tower was full.\n\n"
     "“We will build more,” he said.", "We will build more,", "Tom Hale", "person"),
    ("Hale Wants A Ferry.\n\nDOVER — Sen. Tom Hale pressed again for a night ferry on "
     "Monday, saying the crossing was “a lifeline.”", "a lifeline.", "Tom Hale", "person"),
    ("DOVER, May 2 (Wire) — The port board closed the dock, acknowledging that "
     "“nobody is safe.”", "nobody is safe.", "port board", "organization"),
]


@pytest.mark.parametrize("text,passage,name,kind", NO_PLACE_SPEAKER)
def test_buildings_and_datelines_are_no_speakers(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# A paragraph that is only a quotation continues the speaker of the reported speech that ends
# the paragraph just before; not when its own paragraph names someone outside the marks.
REPORTED_THEN_QUOTE = [
    ("The ferry stopped on Monday.\n\nTom Hale said that critics had long predicted the end of "
     "the service, but that it would not come.\n\n“The crossing is the heart of this town.”",
     "The crossing is the heart of this town.", "Tom Hale", "person"),
    ("The ferry stopped on Monday.\n\nTom Hale said that critics had long predicted the end of "
     "the service.\n\n“Is the crossing the heart of this town?” Ada Lind wondered aloud.",
     "Is the crossing the heart of this town?", "Ada Lind", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", REPORTED_THEN_QUOTE)
def test_quotation_paragraph_after_reported_speech(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# Regular speech verbs of one syllable double their consonant ("quipped", "slammed").
DOUBLED_VERBS = [
    ("The budget passed at midnight.\n\n“Nobody read it,” Ada Lind quipped.",
     "Nobody read it,", "Ada Lind", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", DOUBLED_VERBS)
def test_doubled_speech_verbs(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# "said the 62-year-old": an age description after the verb is the person of that age.
AGE_AFTER_VERB = [
    ("Ada Lind, 62, has farmed the valley since 1990.\n\n“The rain never came,” said the "
     "62-year-old.", "The rain never came,", "Ada Lind", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", AGE_AFTER_VERB)
def test_age_description_after_the_verb(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# A coordinated speech verb after an object clause ("urges her son to leave and repeatedly
# says") has the sentence's subject, never the object phrase.
COORDINATED_AFTER_OBJECT = [
    ("Ada Lind urges her son to come out of the house and repeatedly says, “Don't go near "
     "the river,” until the door opens.", "Don't go near the river,", "Ada Lind", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", COORDINATED_AFTER_OBJECT)
def test_coordinated_verb_after_an_object_clause(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# A coordinated verb after an adverb ("… and later said", "but then added") continues the
# sentence's subject.
COORDINATED_AFTER_ADVERB = [
    ("Col. Tom Reyes started the row when he brought up the flood and later said, “It is not "
     "just the river.”", "It is not just the river.", "Tom Reyes", "person"),
    ("Tom Reyes praised the crew but then added that “nobody was hurt.”", "nobody was hurt.",
     "Tom Reyes", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", COORDINATED_AFTER_ADVERB)
def test_coordinated_verb_after_an_adverb(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# "the report stated" with no organisation that spoke: the report itself, not the last
# organisation the article named.
DOCUMENT_SPEAKS = [
    ("The party lost.\n\nIn 2012 the Dover Party won only a third of the Harbor Council vote.\n\n"
     "“The changes add to the urgency,” the report stated.", "The changes add to the urgency,",
     "report", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", DOCUMENT_SPEAKS)
def test_a_report_speaks_for_itself(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# "His wife", "his physician": someone else than the person "his" means, and not a person
# named next either; an anonymous description when nobody is given that role.
POSSESSED_DESCRIPTION = [
    ("The debate began.\n\n“We will win,” Tom Hale said.\n\nHale took the stage with a smile. "
     "His wife had warned him to act “calm,” but he said he would fight.",
     "calm,", "His wife", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", POSSESSED_DESCRIPTION)
def test_a_possessed_description_is_not_the_possessor(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# A participle takes the subject opening the sentence after an opener that names a place
# with its state, starts "Early …", or is a time phrase after a connective.
OPENER_BEFORE_SUBJECT = [
    ("Speaking at a town hall in Dover, Delaware, Senator Rhea Quell went after the governor, "
     "calling him “a tired relic.”", "a tired relic.", "Rhea Quell", "person"),
    ("Early in the race, Senator Rhea Quell attacked the governor, calling him, among other "
     "things, “a tired relic.”", "a tired relic.", "Rhea Quell", "person"),
    ("But a few days later, Senator Rhea Quell reversed course, telling a radio host that the "
     "levy “is here to stay.”", "is here to stay.", "Rhea Quell", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", OPENER_BEFORE_SUBJECT)
def test_participle_after_an_opener(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# A one-word name before an appositive of circumstance that holds its own commas.
CIRCUMSTANCE_APPOSITIVE = [
    ("Mayor Rhea Quell faced voters on Monday.\n\nQuell, during a town hall in Dover, Delaware, "
     "said she was \"going to fix the bridge.\"", "going to fix the bridge.", "Rhea Quell",
     "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", CIRCUMSTANCE_APPOSITIVE)
def test_one_word_name_before_a_circumstance(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)


# "The Quell campaign …" read whole as the opening subject, the name and the organisation noun.
ORGANISATION_OF_A_NAME = [
    ("The Quell campaign on Monday also attacked the toll, saying it was \"unfair.\"",
     "unfair.", "Quell campaign", "organization"),
    ("The mayor spoke.\n\nQuell's campaign attacked the toll, saying it was \"unfair.\"",
     "unfair.", "Quell's campaign", "organization"),
]


@pytest.mark.parametrize("text,passage,name,kind", ORGANISATION_OF_A_NAME)
def test_organisation_of_a_name_opens_the_sentence(text, passage, name, kind):
    assert _speaker(text, passage) == (name, kind)
