"""Speaker attribution rules on short hand-written texts, one table per rule.

Each row is (text, quote prefix, expected speaker name, expected speaker kind). The
texts are invented and deliberately varied in outlet style (US, British, sport,
business, courts) so that each rule is tested as a general English-news rule.
"""
from __future__ import annotations

import pytest

from api.extraction import extract_quotes


def _speaker_of(text: str, prefix: str):
    quotes = extract_quotes(text, "2024-05-02")
    for q in quotes:
        assert text[q.start:q.end] == q.text  # the span invariant holds everywhere
    found = [q for q in quotes if q.text.startswith(prefix)]
    assert found, f"no quote starting {prefix!r} in {[q.text for q in quotes]}"
    return found[0].speaker


def _check(text, prefix, name, kind):
    sp = _speaker_of(text, prefix)
    assert sp is not None, f"no speaker for {prefix!r}"
    assert (sp.name, sp.kind) == (name, kind)


# he/she never resolves to someone whose given name (or Mr/Ms) says otherwise while a
# person of the right gender is available; unknown names stay neutral.
GENDER = [
    ("Tom Hale met Sarah Quinn on Monday.\n\n“We are ready,” she said.",
     "We are ready", "Sarah Quinn", "person"),
    ("Sarah Quinn met Tom Hale on Monday.\n\n“We are ready,” he said.",
     "We are ready", "Tom Hale", "person"),
    ("Priya Natarajan hired David Marsh in 2022. Marsh runs the Ohio depots.\n\n"
     "“Volumes will recover,” she said.", "Volumes will", "Priya Natarajan", "person"),
    ("Coach Maria Lopez praised striker Jack Dunn after the match.\n\n"
     "“He was outstanding,” she said.", "He was outstanding", "Maria Lopez", "person"),
    ("Ms Okafor questioned Peter Lang for an hour. Lang denied everything.\n\n"
     "“I have nothing to hide,” he said.", "I have nothing", "Peter Lang", "person"),
    ("Mr Varga spoke to Angela Rossi before the vote.\n\n“It will pass,” she said.",
     "It will pass", "Angela Rossi", "person"),
    # a neutral given name (Alex) is not excluded by either pronoun
    ("Alex Moreno joined the board in March.\n\n“We move fast,” she said.",
     "We move fast", "Alex Moreno", "person"),
    ("Alex Moreno joined the board in March.\n\n“We move fast,” he said.",
     "We move fast", "Alex Moreno", "person"),
]


@pytest.mark.parametrize("text,prefix,name,kind", GENDER)
def test_pronoun_gender(text, prefix, name, kind):
    _check(text, prefix, name, kind)


# "the company/firm/bank/club/regulator" is the latest organisation of a fitting type,
# not an organisation called "company".
ORG_DESCRIPTIONS = [
    ("Shares in Verdant Holdings fell 8% after the report.\n\n"
     "“We disagree with the findings,” the company said.",
     "We disagree", "Verdant Holdings", "organization"),
    ("Analysts were cautious about Orbis Ltd. “Margins will fall,” the firm said.",
     "Margins will fall", "Orbis Ltd", "organization"),
    ("Mark Bell, a trader, has followed Northern Rock Bank for years.\n\n"
     "“Rates will stay high,” the bank said.", "Rates will stay", "Northern Rock Bank",
     "organization"),
    ("Alex Moss joined Harbour United on loan on Friday.\n\n"
     "“He is a fine young player,” the club said in a statement.",
     "He is a fine", "Harbour United", "organization"),
    ("The Financial Conduct Authority fined Orbis Ltd £2m on Tuesday.\n\n"
     "“Customers were let down,” the regulator said.", "Customers were",
     "Financial Conduct Authority", "organization"),
    ("Corvane Logistics cut its outlook. Its chief, who joined Corvane from rival "
     "Meridian Freight, was upbeat.\n\n“Demand will return,” the company said.",
     "Demand will", "Corvane Logistics", "organization"),
]


@pytest.mark.parametrize("text,prefix,name,kind", ORG_DESCRIPTIONS)
def test_organisation_descriptions(text, prefix, name, kind):
    _check(text, prefix, name, kind)


# A description finds the person whose office answers to it: the minister is the Home
# Secretary, the boss the chief executive, the judge Mr Justice X, the senator Sen. X.
ROLE_SYNONYMS = [
    ("Home Secretary Priya Kaur visited Dover. Tom Reed, a fisherman, watched.\n\n"
     "“We will stop the boats,” the minister said.", "We will stop", "Priya Kaur", "person"),
    ("Chief executive Dana Cole unveiled the results. Shareholders applauded.\n\n"
     "“It was a strong year,” the boss said.", "It was a strong", "Dana Cole", "person"),
    ("Dana Cole, the CEO of Lumora, spoke on Tuesday.\n\n"
     "“Demand is strong,” the executive said.", "Demand is strong", "Dana Cole", "person"),
    ("Coach Maria Lopez was pleased with the win.\n\n“We played well,” the manager said.",
     "We played well", "Maria Lopez", "person"),
    ("Mr Justice Alan Reed handed down the sentence at Leeds Crown Court.\n\n"
     "“This was a grave offence,” the judge said.", "This was a grave", "Alan Reed",
     "person"),
    ("Sen. Jane Roe, R-Texas, opposed the bill on Monday.\n\n"
     "“It is a waste of money,” the senator said.", "It is a waste", "Jane Roe", "person"),
    ("Rep. Ana Ruiz, D-Calif., joined the protest.\n\n"
     "“We must act now,” the congresswoman said.", "We must act", "Ana Ruiz", "person"),
    ("His attorney, Ben Cho, disputed the charges.\n\n"
     "“My client is innocent,” the lawyer said.", "My client", "Ben Cho", "person"),
    ("Priya Shah KC, for the defence, cross-examined the witness.\n\n"
     "“The evidence is thin,” the barrister said.", "The evidence", "Priya Shah", "person"),
    ("Prosecutor Lena Ward told the jury the evidence was clear.\n\n"
     "“He lied to you,” the prosecutor said.", "He lied", "Lena Ward", "person"),
    # a shadow office does not answer to "the minister"; the forward rule finds the minister
    ("The shadow home secretary, Anita Chaudhry, attacked the plan. “It is a gimmick,” she "
     "said.\n\nThe minister hit back.\n\n“It is lawful and humane,” the minister said.",
     "It is lawful", "minister", "anonymous"),
    ("The prime minister, Gareth Lowe, backed her. Claire Denholm, chief executive of a "
     "charity, said the sites were unsafe.\n\n"
     "“We will not be lectured,” the prime minister told MPs.",
     "We will not be", "Gareth Lowe", "person"),
]


@pytest.mark.parametrize("text,prefix,name,kind", ROLE_SYNONYMS)
def test_role_synonyms(text, prefix, name, kind):
    _check(text, prefix, name, kind)


# US-style appositions and name forms: titles before the name, ages and party labels
# between commas, honorifics, post-nominal letters and generational suffixes.
APPOSITIONS = [
    ("“We need more buses,” said Councilwoman Maria Ortiz, D-District 4.",
     "We need more", "Maria Ortiz", "person"),
    ("“This bill is dead,” Sen. Jane Roe, R-Texas, said.", "This bill", "Jane Roe", "person"),
    ("“The flood came fast,” Riley Adams, 34, said.", "The flood", "Riley Adams", "person"),
    ("Riley Adams lives on Mill Lane. “I ran,” Riley, 34, said.", "I ran", "Riley Adams",
     "person"),
    ("“The vaccine works,” said Dr. Amara Nwosu.", "The vaccine", "Amara Nwosu", "person"),
    ("“The case is weak,” said Priya Shah KC.", "The case", "Priya Shah", "person"),
    ("“The case is weak,” said Mark Dyer QC, for the defence.", "The case", "Mark Dyer",
     "person"),
    ("John Smith III chairs the board. “We won,” Smith said.", "We won", "John Smith III",
     "person"),
    ("“We are hiring,” said Maria Gomez, 41, a nurse at the clinic.", "We are hiring",
     "Maria Gomez", "person"),
]


@pytest.mark.parametrize("text,prefix,name,kind", APPOSITIONS)
def test_name_appositions(text, prefix, name, kind):
    _check(text, prefix, name, kind)


def test_postnominal_is_kept_as_role():
    sp = _speaker_of("“The case is weak,” said Priya Shah KC.", "The case")
    assert sp.role == "KC"


def test_office_title_is_the_role():
    sp = _speaker_of("“We need more buses,” said Councilwoman Maria Ortiz, D-District 4.",
                     "We need more")
    assert sp.role == "Councilwoman"


# A one-word speaker is an organisation unless it is person-like (a given name, or the
# surname of someone named in full or after an honorific).
ONE_WORD = [
    ("“Privacy is a fundamental right,” Apple said.", "Privacy", "Apple", "organization"),
    ("“The launch is delayed,” Nasa said in a statement.", "The launch", "Nasa",
     "organization"),
    ("“We are reviewing the claims,” Acme Corp said.", "We are reviewing", "Acme Corp",
     "organization"),
    ("“We will appeal,” the BBC said.", "We will appeal", "BBC", "organization"),
    ("John Smith runs the bakery. “Bread is life,” Smith said.", "Bread is", "John Smith",
     "person"),
    ("Dr. Nwosu led the trial. “The results are clear,” Nwosu said.", "The results",
     "Nwosu", "person"),
    ("“I will be back next season,” Maria said.", "I will be", "Maria", "person"),
]


@pytest.mark.parametrize("text,prefix,name,kind", ONE_WORD)
def test_one_word_speakers(text, prefix, name, kind):
    _check(text, prefix, name, kind)


# A quotation with no cue of its own takes the person the next sentence names with an
# attribution phrase.
NEXT_SENTENCE = [
    ("“He was a danger to everyone he met.” That was the verdict of Detective Inspector "
     "Sam Hale.", "He was a danger", "Sam Hale", "person"),
    ("“We will not be silenced by anyone.” The words came from Maria Ortiz, a nurse.",
     "We will not be", "Maria Ortiz", "person"),
    ("“Nothing is impossible.” So said coach Tom Briggs after the match.",
     "Nothing is impossible", "Tom Briggs", "person"),
    ("“Never again.” Those were the words of Anna Berg, the survivor.", "Never again",
     "Anna Berg", "person"),
    ("“He is the kindest man I know.” The words came from Mr Demir's cousin, Emre Yilmaz, "
     "who sat in the gallery.", "He is the kindest", "Emre Yilmaz", "person"),
]


@pytest.mark.parametrize("text,prefix,name,kind", NEXT_SENTENCE)
def test_attribution_in_next_sentence(text, prefix, name, kind):
    _check(text, prefix, name, kind)


def test_next_sentence_without_a_name_is_not_an_attribution():
    text = "“We have waited long enough for this.” That was the view of many fans."
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == [None]


def test_possessive_apposition_role():
    sp = _speaker_of("“He is kind.” The words came from Mr Demir's cousin, Emre Yilmaz.",
                     "He is kind")
    assert sp.role == "Mr Demir's cousin"


# Descriptions by nationality or age ("the Portuguese", "the 31-year-old") are
# descriptions like "the striker"; a capitalised profession before a name is a role;
# a description before anyone has spoken takes the person the article opened with.
DESCRIPTIONS = [
    ("City manager Rui Costa was furious with the referee. “It was never a penalty,” the "
     "Portuguese said.", "It was never", "Rui Costa", "person"),
    ("Ellie Kane scored twice on her debut. “I just wanted to enjoy it,” the 19-year-old "
     "said.", "I just wanted", "Ellie Kane", "person"),
    ("Critic Sam Ellis was unmoved. “Self-indulgent and far too long,” he wrote.",
     "Self-indulgent", "Sam Ellis", "person"),
    ("Director's film divides critics at Venice\n\nLena Hartmann's new film drew boos on "
     "Friday.\n\n“It's a love letter to my mother,” the director told Variety.\n\n"
     "The film's star, Jonas Becker, said he had learned the dialect.",
     "It's a love letter", "Lena Hartmann", "person"),
]


@pytest.mark.parametrize("text,prefix,name,kind", DESCRIPTIONS)
def test_descriptions(text, prefix, name, kind):
    _check(text, prefix, name, kind)


def test_names_do_not_run_across_lines():
    text = ("Storm hits Venice\n\nLena Hartmann said the city was ready. “We have "
            "pumps everywhere,” she said.")
    assert _speaker_of(text, "We have pumps").name == "Lena Hartmann"


# Reported speech: "it" speaks for the organisation last named (or the one the article
# keeps naming); "told the court his client had …" needs no "that"; the channel of a
# statement may run on ("in a post on its website that"); "X said that A and that B"
# gives two passages; a bare "Police" is the police force named before.
REPORTED = [
    ("Shares in Orbis Ltd fell on Monday. It said on Tuesday that it had found no evidence "
     "of a breach.", "it had found no evidence", "Orbis Ltd", "organization"),
    ("Lumenstack pulled the feature. Lumenstack users had complained for weeks.\n\n"
     "The company disabled it on Monday. It said that it had found no evidence of misuse.",
     "it had found no evidence", "Lumenstack", "organization"),
    ("Carver's barrister, Philip Grange, told the court his client had a long history of "
     "illness.", "his client had a long", "Philip Grange", "person"),
    ("The Freight Workers Union said in a post on its website that members had learned of "
     "the cuts from news reports.", "members had learned", "Freight Workers Union",
     "organization"),
    ("Officers from Northvale Police arrested him.\n\nPolice said in a statement that "
     "officers had arrived within four minutes and that the victim had been taken to "
     "hospital.", "officers had arrived within four minutes", "Northvale Police",
     "organization"),
    ("Officers from Northvale Police arrested him.\n\nPolice said in a statement that "
     "officers had arrived within four minutes and that the victim had been taken to "
     "hospital.", "the victim had been taken", "Northvale Police", "organization"),
]


@pytest.mark.parametrize("text,prefix,name,kind", REPORTED)
def test_reported_speech(text, prefix, name, kind):
    _check(text, prefix, name, kind)


def test_and_that_splits_the_reported_clause():
    text = ("Police said in a statement that officers had arrived within four minutes and "
            "that the victim had been taken to hospital.")
    spans = [q.text for q in extract_quotes(text)]
    assert spans == ["officers had arrived within four minutes",
                     "the victim had been taken to hospital"]


# "a spokeswoman for <organisation>" is an anonymous spokeswoman, not the organisation;
# "said its chairman, Name" names the chairman.
SPOKES = [
    ("A spokeswoman for the Department for Levelling Up said councils had received "
     "“a record settlement”.", "a record settlement",
     "spokeswoman for the Department for Levelling Up", "anonymous"),
    ("The Local Government Association warned of cuts. “This is not scaremongering,” said "
     "its chairman, Shaun Davies.", "This is not", "Shaun Davies", "person"),
]


@pytest.mark.parametrize("text,prefix,name,kind", SPOKES)
def test_spokespeople_and_possessive_roles(text, prefix, name, kind):
    _check(text, prefix, name, kind)


# Organisation names holding a number or an ampersand are kept whole.
ORG_NAMES = [
    ("Drivers walked out on Monday.\n\n“We need a safe depot,” said Union Local 418 in a "
     "statement.", "We need a safe", "Union Local 418", "organization"),
    ("The Freight Workers Union Local 418 said in a post on its website that members had "
     "learned of the cuts from news reports.", "members had learned", "Freight Workers Union Local 418",
     "organization"),
    ("Shares fell 12% on Thursday.\n\n“Trading was weaker than we expected,” Harrow & Finch "
     "said in a statement.", "Trading was weaker", "Harrow & Finch", "organization"),
    ("“Our prices stay low,” said Marks & Spencer.", "Our prices stay", "Marks & Spencer",
     "organization"),
]


@pytest.mark.parametrize("text,prefix,name,kind", ORG_NAMES)
def test_organisation_names_with_numbers_and_ampersands(text, prefix, name, kind):
    _check(text, prefix, name, kind)


# he/she with no fitting person named nearby goes back to the last speaker whose gender
# is not known to differ; a gendered role ("the actress") tells a gender.
PRONOUN_FALLBACK = [
    ("Lena Hartmann has a new film. Her co-star is Tom Brady.\n\n"
     "“I still get nervous,” Hartmann said.\n\n“She is the best,” Brady said.\n\n"
     "The actress laughed. “Not yet,” she said.", "Not yet", "Lena Hartmann", "person"),
    ("Kerry Osei, the chairwoman, opened the meeting. Tom Hale followed.\n\n"
     "“We will decide today,” Hale said.\n\n“It is late,” she said.", "It is late",
     "Kerry Osei", "person"),
]


@pytest.mark.parametrize("text,prefix,name,kind", PRONOUN_FALLBACK)
def test_pronoun_falls_back_to_a_fitting_speaker(text, prefix, name, kind):
    _check(text, prefix, name, kind)


# Documents speak for their issuer: "according to a note from X", "the statement said",
# "a company statement"; "X's rival, Name," names Name.
STATEMENTS = [
    ("Shares fell on Thursday.\n\nAccording to a note from Barclays, “the warning raises "
     "questions about the plan.”", "the warning raises", "Barclays", "organization"),
    ("Northvale Police said in a statement that a man had been arrested. The victim was taken "
     "to Castlebridge General Hospital.\n\n“The bravery of the public saved his life,” the "
     "statement said.", "The bravery of", "Northvale Police", "organization"),
    ("Lumenstack’s closest rival, Parlance, said in a statement that its own assistant “never "
     "runs without a visible indicator”.", "never runs", "Parlance", "organization"),
    ("Ortega Foods cut its forecast on Monday.\n\n“We are acting decisively,” according to a "
     "company statement issued before the call.", "We are acting", "Ortega Foods", "organization"),
]


@pytest.mark.parametrize("text,prefix,name,kind", STATEMENTS)
def test_statements_speak_for_their_issuer(text, prefix, name, kind):
    _check(text, prefix, name, kind)


REPORTED_VERBS = [
    ("Dr. Amara Nwosu led the study.\n\nNwosu cautioned that the sample was small and the "
     "results were early.", "the sample was small", "Amara Nwosu", "person"),
    ("Karim Haddad spoke in Geneva. Haddad observed that the next round would take place "
     "in Vienna.", "the next round", "Karim Haddad", "person"),
]


@pytest.mark.parametrize("text,prefix,name,kind", REPORTED_VERBS)
def test_cautioned_and_observed_report_speech(text, prefix, name, kind):
    _check(text, prefix, name, kind)


def test_observed_without_that_is_not_speech():
    text = "Karim Haddad observed the talks in Geneva on Monday from the gallery."
    assert [q for q in extract_quotes(text) if q.kind == "indirect"] == []
