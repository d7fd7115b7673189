"""Direct quotations that used to get no speaker (issue #13), one table per rule.

Each row is (text, exact quotation, expected speaker name, expected speaker kind), written by
hand from reading the text; a kind of None means no speaker at all.
"""
from __future__ import annotations

import pytest

from api.extraction import extract_quotes


def _check(text, passage, name, kind):
    quotes = extract_quotes(text, "2024-05-02")
    found = [q for q in quotes if q.text == passage]
    assert found, f"no passage {passage!r} in {[q.text for q in quotes]}"
    sp = found[0].speaker
    assert ((sp.name, sp.kind) if sp is not None else (None, None)) == (name, kind)


# names.py: a generational suffix keeps its period, and a title-like surname ("King",
# "Bishop") follows a given name past a middle initial or a middle name.
NAMES = [
    ("“The port will reopen in June,” Carl V. Moss Jr., the harbour master, said on Friday.",
     "The port will reopen in June,", "Carl V. Moss Jr.", "person"),
    ("“We need more buses,” said Senator Owen T. King of Maine.",
     "We need more buses,", "Owen T. King", "person"),
    ("“It was a long night,” said Carl Anton Bishop Jr., who chairs the board.",
     "It was a long night,", "Carl Anton Bishop Jr.", "person"),
    ("“The vote is close,” Nora King said.", "The vote is close,", "Nora King", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", NAMES)
def test_names_with_suffixes_and_title_like_surnames(text, passage, name, kind):
    _check(text, passage, name, kind)


# headlines.py (sieve rule 11): a name and a capitalised reporting verb opening the
# headline, or ending it after the quotation, voice the headline's quotation.
_BODY = "\n\nThe council met on Monday to discuss the budget."
HEADLINE_VERBS = [
    ("Mayor Ana Lund Says Levy Is ‘A Tax On Work’" + _BODY, "A Tax On Work", "Ana Lund",
     "person"),
    ("Owen Carter Calls Ferry Plan ‘Reckless’" + _BODY, "Reckless", "Owen Carter", "person"),
    ("Owen Carter Is Now Calling The Levy ‘A Mistake’" + _BODY, "A Mistake", "Owen Carter",
     "person"),
    ("Levy Is ‘A Tax On Work,’ Ana Lund Tells Union Delegates." + _BODY, "A Tax On Work,",
     "Ana Lund", "person"),
    ("Bus Cuts Are ‘A Mistake,’ Owen Carter Says." + _BODY, "A Mistake,", "Owen Carter",
     "person"),
    # not a reporting verb, a possessive, or another quotation after it: nobody
    ("Ana Lund Wins ‘Best Baker’ Prize" + _BODY, "Best Baker", None, None),
    ("Owen Carter’s Aide Says Plan Is ‘Dead’" + _BODY, "Dead", None, None),
]


@pytest.mark.parametrize("text,passage,name,kind", HEADLINE_VERBS)
def test_headline_verb_gives_the_headline_subject(text, passage, name, kind):
    _check(text, passage, name, kind)


# bystanders.py (part of sieve rule 2): a person noun with its determiner, next to a speech
# verb that stands next to the quotation, is an anonymous speaker; elsewhere it is not read.
BYSTANDERS = [
    ("“I was scared the whole night,” the woman said.", "I was scared the whole night,",
     "woman", "anonymous"),
    ("“It is over for us,” said a young woman on the platform.", "It is over for us,",
     "young woman", "anonymous"),
    ("“Can I ride the ferry?” asked the boy, holding his mother’s hand.", "Can I ride the ferry?",
     "boy", "anonymous"),
    ("“We were never told,” the man, who asked not to be named, said.", "We were never told,",
     "man", "anonymous"),
    ("One man wrote, “The bridge was shaking for an hour.”",
     "The bridge was shaking for an hour.", "man", "anonymous"),
    # a crowd chanting the quotation (words/crowd_nouns.txt)
    ("The crowd chanted back at her, “Fix the roads,” and “Save the ferry.”",
     "Fix the roads,", "crowd", "anonymous"),
    ("“Save our school!” some protesters chanted outside the hall.", "Save our school!",
     "protesters", "anonymous"),
    ("The mayor spoke for an hour, at which point the attendees chanted, “Fix the bridge!”",
     "Fix the bridge!", "attendees", "anonymous"),
    # a person noun as an object is no speaker: the sentence's own cue is
    ("The mayor said she had met a woman who called the plan “a disgrace.”", "a disgrace.",
     "mayor", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", BYSTANDERS)
def test_person_noun_beside_the_quotation(text, passage, name, kind):
    _check(text, passage, name, kind)


# bystanders.py: a document that reads or says the quotation beside it is the speaker, the
# document itself (never a guess at its issuer).
DOCUMENTS = [
    ("“The landlord ignored every repair request,” the lawsuit says.",
     "The landlord ignored every repair request,", "lawsuit", "anonymous"),
    ("The Harbour Trust met on Friday. “We ask every member to vote,” the email read.",
     "We ask every member to vote,", "email", "anonymous"),
    ("“The mayor has lost our trust,” reads a Sunday editorial in the Valley Courier.",
     "The mayor has lost our trust,", "Sunday editorial", "anonymous"),
    ("One post said: “The ferry is late again.”", "The ferry is late again.", "post",
     "anonymous"),
    ("The ad claims “Rosa Vance will fix the roads.”", "Rosa Vance will fix the roads.", "ad",
     "anonymous"),
    # a document that is no subject of a speech verb is no speaker
    ("The ad shows a “long winter of repairs” on the bridge.", "long winter of repairs", None,
     None),
]


@pytest.mark.parametrize("text,passage,name,kind", DOCUMENTS)
def test_document_beside_the_quotation(text, passage, name, kind):
    _check(text, passage, name, kind)


# phrases.py: a year may modify a description ("a 2010 campaign veteran"); sieve rule 2:
# the words between the closing mark and a name may be its role, ending in a role noun or
# a title ("…,” former Lee campaign strategist Ivo Brandt wrote").
DESCRIPTIONS_AND_ROLES = [
    ("“The plan never worked,” said a 2010 campaign veteran.",
     "The plan never worked,", "2010 campaign veteran", "anonymous"),
    ("“The budget is a mess,” former Lee campaign strategist Ivo Brandt wrote in a "
     "newsletter.", "The budget is a mess,", "Ivo Brandt", "person"),
    ("“The budget is short by millions,” Ohio Gov. Dana Whitlow told reporters.",
     "The budget is short by millions,", "Dana Whitlow", "person"),
    # mentions.py: a title-like surname after a given name ends the name, not a title; a role
    # with "of" leads on to the name ("former secretary of state Ana Lund")
    ("“The harbour needs money,” said former Maine governor Nora Dean, a Lee supporter.",
     "The harbour needs money,", "Nora Dean", "person"),
    ("“Ferries are the first priority,” said former secretary of state Ana Lund, who "
     "backed the plan.", "Ferries are the first priority,", "Ana Lund", "person"),
]


DESCRIPTIONS_AND_ROLES += [
    # "speaking to" qualifies an unnamed source like "familiar with"
    ("Another intelligence source speaking to the Courier said, “The agents are busy.”",
     "The agents are busy.", "intelligence source", "anonymous"),
    # a narrator is an anonymous voice, never a person or organisation named before
    ("The group released a holiday Web ad on Monday. “The season of giving is here,” says the "
     "ad’s narrator.", "The season of giving is here,", "ad’s narrator", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", DESCRIPTIONS_AND_ROLES)
def test_descriptions_with_years_and_roles_before_names(text, passage, name, kind):
    _check(text, passage, name, kind)


# cue_subjects.py: more openers before the subject that a participle or a coordinated verb
# takes ("Here in Dover,", "And then", "When asked about it,", "On Friday, after …,").
OPENERS = [
    ("Here in Dover, Rosa Vance turned to the ferry budget, saying, “We have to win this seat.”",
     "We have to win this seat.", "Rosa Vance", "person"),
    ("And then Rosa Vance turned to the harbour, saying, “Who will pay for the dredging?”",
     "Who will pay for the dredging?", "Rosa Vance", "person"),
    ("When asked about the vote, Rosa Vance laughed and said, “Ask me in June.”",
     "Ask me in June.", "Rosa Vance", "person"),
    ("On Friday, after weeks of silence, Rosa Vance backed the levy, saying, “It pays for the "
     "schools.”", "It pays for the schools.", "Rosa Vance", "person"),
]


OPENERS += [
    # a described subject with a phrase placing it, before a participle
    ("One aide inside the council tried to soften the mayor's outburst, calling it “a bad "
     "morning.”", "a bad morning.", "aide inside the council", "anonymous"),
    # an opener before a name with appositives ("But X, the president of …, …, said")
    ("But Tom Fitz, the president of Harbour Watch, a group that has sued the port twice, "
     "said that “the damage is done.”", "the damage is done.", "Tom Fitz", "person"),
    ("Just last week, Jo Gold, editor at large of The Courier, a Dover weekly, wrote, “The port "
     "comes first.”", "The port comes first.", "Jo Gold", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", OPENERS)
def test_openers_before_the_opening_subject(text, passage, name, kind):
    _check(text, passage, name, kind)


# sieve rule 3: a signature alone on the line after a paragraph that is only a quotation.
SIGNATURE_LINES = [
    ("Fact check.\n\n\"The ferry fares doubled in two years.\"\n\n- Rosa Vance."
     "\n\nThe senator is relying on old data.",
     "The ferry fares doubled in two years.", "Rosa Vance", "person"),
    # a line that goes on after the name is no signature
    ("Fact check.\n\n\"The ferry fares doubled in two years.\"\n\n- Rosa Vance "
     "drove home after the debate.", "The ferry fares doubled in two years.",
     None, None),
]


@pytest.mark.parametrize("text,passage,name,kind", SIGNATURE_LINES)
def test_signature_on_the_next_line(text, passage, name, kind):
    _check(text, passage, name, kind)


# labels.py (sieve rule 7): a capitalised reporting verb opening the sentence, then the name
# ("Said Lund, “…”", "Stated Lund:"), also for a quotation paragraph after "Stated Lund:"
# (sieve rule 12).
INVERTED = [
    ("Said Ada Lund, who sailed with him for years, “He knew every reef.”", "He knew every reef.",
     "Ada Lund", "person"),
    ("Ada Lund spoke at the hall. Said Lund, “The vote can wait a week.”",
     "The vote can wait a week.", "Ada Lund", "person"),
    ("Ada Lund spoke on the radio on Monday.\n\nStated Lund:\n\n“We win every time we try.”",
     "We win every time we try.", "Ada Lund", "person"),
]


INVERTED += [
    # a label after a long lead-in ending in a dash, as in a digest of sources
    ("FERRY USE FELL IN EVERY PORT TOWN OF THE COUNTY BUT ROSE IN THE TWO CITIES ON THE "
     "NORTHERN COAST THIS WINTER - Ines Lowe: “The winter timetable is the reason.”",
     "The winter timetable is the reason.", "Ines Lowe", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", INVERTED)
def test_inverted_reporting_verb_opening_the_sentence(text, passage, name, kind):
    _check(text, passage, name, kind)


# mentions.py: a place that ends the subject after a person's home town is no speaker.
RESIDENTS = [
    ("Mia Ortiz of Dover, Delaware says the levy will pass if the council keeps “talking to "
     "parents.”", "talking to parents.", "Mia Ortiz", "person"),
    ("“We need a ferry that runs on time,” Leo Marsh, 41, of Dover, Del., who was among those "
     "polled, said in an interview.", "We need a ferry that runs on time,", "Leo Marsh", "person"),
    ("“We will not sign this treaty,” Russia said.", "We will not sign this treaty,", "Russia",
     "organization"),
]


@pytest.mark.parametrize("text,passage,name,kind", RESIDENTS)
def test_person_before_home_town_and_state(text, passage, name, kind):
    _check(text, passage, name, kind)


# after_verb.py and attribution.py: "the Lee campaign" after a verb or "according to" is the
# campaign, not "the Lee"; "according to X of Y," is X.
ACCORDING = [
    ("According to the Vance campaign, “Doors open at six.”", "Doors open at six.",
     "Vance campaign", "organization"),
    ("According to Ines Lowe of the Harbour Institute, “The contract was never signed.”",
     "The contract was never signed.", "Ines Lowe", "person"),
    ("Rosa Vance has even claimed the bridge would “pay for itself in a decade.”",
     "pay for itself in a decade.", "Rosa Vance", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", ACCORDING)
def test_according_to_campaigns_and_affiliated_persons(text, passage, name, kind):
    _check(text, passage, name, kind)


# phrases.py: a head joined by "and" to words before it is no one speaker (a compound subject,
# or two roles of one person that a head noun alone would give to another).
COORDINATED_HEADS = [
    ("“We want the vote now,” Rosa Vance and other delegates said.", "We want the vote now,",
     None, None),
    ("“It is a dark day,” the Maine senator and former mayor said.", "It is a dark day,", None,
     None),
]


@pytest.mark.parametrize("text,passage,name,kind", COORDINATED_HEADS)
def test_coordinated_heads_are_nobody(text, passage, name, kind):
    _check(text, passage, name, kind)


# Wrong names no more: the listener of "told", a title's place, a department with no name.
NOT_THE_SPEAKER = [
    # "told X" after a quotation names whom it was told to, never the speaker
    ("“We will stay in the race,” told Rosa Vance on Monday.", "We will stay in the race,",
     None, None),
    # "of Ohio" after a titled name is the role's, not the name's
    ("Council President Owen Carter of Dover lamented the “lost decade” of the port.",
     "lost decade", "Owen Carter", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", NOT_THE_SPEAKER)
def test_wrong_names_not_given(text, passage, name, kind):
    _check(text, passage, name, kind)


# phrases.py: the regular plural of a listed role noun heads a group before "at"/"for"
# ("Traders at Halden Securities"), and an organisation after a person's "of"/"at" may hold
# "for"/"of"/"and" between its capitalised words.
PLURAL_ROLES_AND_LONG_ORGANISATIONS = [
    ("Traders at Halden Securities said her forecast sounded “far too gloomy” for May.",
     "far too gloomy", "Traders at Halden Securities", "anonymous"),
    ("Researchers at Corvel University said the drought was “the worst in a century” there.",
     "the worst in a century", "Researchers at Corvel University", "anonymous"),
    ("Mira Solberg of the Halden Institute for Coastal Studies wrote that the dune was "
     "“already lost” to the sea.", "already lost", "Mira Solberg", "person"),
    ("Piet Varga at the Bureau for Rail Safety said the timetable was “not credible” yet.",
     "not credible", "Piet Varga", "person"),
    # the organisation is the longest run after the first "of": a one-word firm stays apart
    ("Hugo Brandt of Kessel, the largest savings bank in Ardley, warned that “prices will "
     "rise” before winter.", "prices will rise", "Hugo Brandt", "person"),
    # a role noun's phrase never runs across a comma ("leaders in Dover on Monday, one voter")
    ("At a forum with party leaders in Dover on Monday, one voter said the plan was "
     "“a bad deal” for the town.", "a bad deal", "voter", "anonymous"),
    # a name, not a role noun, before "at": still nobody
    ("Crowds at Halden Station chanted “close the gates” for an hour.", "close the gates",
     None, None),
]


@pytest.mark.parametrize("text,passage,name,kind", PLURAL_ROLES_AND_LONG_ORGANISATIONS)
def test_plural_roles_and_long_organisations(text, passage, name, kind):
    _check(text, passage, name, kind)
