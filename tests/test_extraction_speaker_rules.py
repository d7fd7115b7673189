"""Speaker rules for unseen news text, on short hand-written texts, one table per rule.

Each row is (text, exact passage, expected speaker name, expected speaker kind); the
passage is the exact span expected, written by hand from reading the text. A kind of
None means no speaker at all. Anonymous speakers are their description without the
leading article (the house convention of tests/gold/README.md).
"""
from __future__ import annotations

import pytest

from api.extraction import extract_quotes


def _passage(text: str, passage: str):
    quotes = extract_quotes(text, "2024-05-02")
    for q in quotes:
        assert text[q.start:q.end] == q.text
    found = [q for q in quotes if q.text == passage]
    assert found, f"no passage {passage!r} in {[q.text for q in quotes]}"
    return found[0]


def _check(text, passage, name, kind):
    sp = _passage(text, passage).speaker
    got = (sp.name, sp.kind) if sp is not None else (None, None)
    assert got == (name, kind)


# A second verb with no subject of its own ("X welcomed the deal but warned that …",
# "… and added that …") reports the speech of the subject that opens the sentence; a
# verb with its own subject, or a compound subject, is not given to the first name.
COORDINATED = [
    ("Senator Rhea Quell used to back the governor, but now said the party had “a duty to "
     "unite.”", "a duty to unite.", "Rhea Quell", "person"),
    ("Privacy campaigner Omar Said, of Digital Rights Watch, welcomed the move but warned "
     "that it came too late for many users.", "it came too late for many users",
     "Omar Said", "person"),
    ("Finance Minister Ama Owusu praised the deal on Friday and added that talks on the "
     "next tranche would start in March.", "talks on the next tranche would start in March",
     "Ama Owusu", "person"),
    ("Mayor Claire Dubois visited the shelter on Monday. She thanked the volunteers but "
     "insisted that the shelter would stay open all winter.",
     "the shelter would stay open all winter", "Claire Dubois", "person"),
    ("Coach Tom Briggs defended his players and said: “We were the better side for an hour.”",
     "We were the better side for an hour.", "Tom Briggs", "person"),
    ("The Harbour Ports Authority confirmed the closure and warned that delays would last "
     "into next week.", "delays would last into next week", "Harbour Ports Authority",
     "organization"),
]


@pytest.mark.parametrize("text,passage,name,kind", COORDINATED)
def test_coordinated_verb_takes_the_sentence_subject(text, passage, name, kind):
    _check(text, passage, name, kind)


COORDINATED_NOT = [
    # a compound subject is nobody in particular
    "Tom Hale and Maria Lopez toured the site and said that the plan was sound.",
    # the second verb has its own (vague, plural) subject
    "Maria Lopez criticised the council, and officials said that the budget was fixed.",
]


@pytest.mark.parametrize("text", COORDINATED_NOT)
def test_coordinated_verb_with_another_subject_is_not_the_first_name(text):
    speakers = [q.speaker.name for q in extract_quotes(text) if q.speaker is not None]
    assert "Tom Hale" not in speakers and "Maria Lopez" not in speakers


# A person with an affiliation: "Analyst X at Y said", "X, an analyst at Y, said",
# "said X of Y", "X from Y said" is the person, not the organisation.
AFFILIATION = [
    ("Analyst Priya Desai at Investec said the cut was larger than feared.",
     "the cut was larger than feared", "Priya Desai", "person"),
    ("Economist Ana Lima at Banco Sul said inflation would peak in May.",
     "inflation would peak in May", "Ana Lima", "person"),
    ("“Margins will keep falling,” said Tom Reyes of Castle Street Capital.",
     "Margins will keep falling,", "Tom Reyes", "person"),
    ("“The rally has legs,” Mark Olsen, a strategist at Nordhavn Bank, said.",
     "The rally has legs,", "Mark Olsen", "person"),
    ("Sara Kim from the Red Cross said the camp was already full.",
     "the camp was already full", "Sara Kim", "person"),
    ("“We expect another cut in June,” Jonas Weber at Kessler Partners told clients.",
     "We expect another cut in June,", "Jonas Weber", "person"),
    # not a person: analysts as a group, and a spokeswoman for a named firm
    ("“We expect a cut in June,” analysts at Barclays said.",
     "We expect a cut in June,", "analysts at Barclays", "anonymous"),
    ("“We do not comment on rumours,” a spokeswoman for Harrow & Finch said.",
     "We do not comment on rumours,", "spokeswoman for Harrow & Finch", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", AFFILIATION)
def test_person_with_affiliation(text, passage, name, kind):
    _check(text, passage, name, kind)


# The house convention for "a spokesman for X": an anonymous speaker described as such,
# and "the spokesman" later is that same speaker.
SPOKESPEOPLE = [
    ("A spokesman for the Red Cross said the situation was “desperate”.\n\n"
     "“We have not been able to deliver water for nine days,” the spokesman said.",
     "We have not been able to deliver water for nine days,", "spokesman for the Red Cross",
     "anonymous"),
    ("A Red Cross spokeswoman said the convoy had been turned back at the border.\n\n"
     "“We will try again tomorrow,” the spokeswoman said.", "We will try again tomorrow,",
     "Red Cross spokeswoman", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", SPOKESPEOPLE)
def test_spokespeople_house_convention(text, passage, name, kind):
    _check(text, passage, name, kind)


# A one-word speaker is a person when the article treats it as one: an age between
# commas, a person's title before it, "I"/"my" in its own quotation, "said his/her";
# organisations keep "we" and "it/its".
ONE_WORD = [
    ("Neymar scored twice.\n\n“I feel young again,” Neymar, 33, told reporters.",
     "I feel young again,", "Neymar", "person"),
    ("Santos won 2-0. Neymar said his knee was fine after the match.",
     "his knee was fine after the match", "Neymar", "person"),
    ("Striker Haaland was unstoppable on Saturday.\n\n“We just keep going,” Haaland said.",
     "We just keep going,", "Haaland", "person"),
    ("Shakira, 48, returns to the stage in June. “We rehearse every day,” Shakira told the "
     "magazine.", "We rehearse every day,", "Shakira", "person"),
    ("“I deserved the goal tonight,” Mbappé said.", "I deserved the goal tonight,", "Mbappé",
     "person"),
    ("President Lula toured the flooded south. “We will rebuild every town,” Lula said.",
     "We will rebuild every town,", "Lula", "person"),
    # organisations
    ("“Privacy is a fundamental right,” Apple said, adding that it would fight the order.",
     "Privacy is a fundamental right,", "Apple", "organization"),
    ("Nasa said its rover was healthy after the dust storm.",
     "its rover was healthy after the dust storm", "Nasa", "organization"),
    ("“We deserved the win,” Arsenal said in a statement.", "We deserved the win,",
     "Arsenal", "organization"),
]


@pytest.mark.parametrize("text,passage,name,kind", ONE_WORD)
def test_one_word_person_or_organisation(text, passage, name, kind):
    _check(text, passage, name, kind)


# he/she with given names from many regions (the lexicon is data); subject position and
# recency decide among several people of the right gender.
PRONOUNS = [
    ("Wanjiru Kamau met Tunde Bakare in Nairobi.\n\n“We have an agreement,” she said.",
     "We have an agreement,", "Wanjiru Kamau", "person"),
    ("Ananya Iyer interviewed Arjun Mehta on Tuesday.\n\n“The data are clear,” he said.",
     "The data are clear,", "Arjun Mehta", "person"),
    ("Yumiko Sato sat beside Hiroshi Tanaka at the hearing.\n\n“I regret nothing,” he said.",
     "I regret nothing,", "Hiroshi Tanaka", "person"),
    ("Khalid Mansour welcomed Fatima Haddad to Doha.\n\n“The talks were useful,” she said.",
     "The talks were useful,", "Fatima Haddad", "person"),
    ("Bohdan Shevchenko hosted Oksana Kovalenko in Lviv.\n\n“It was a hard winter,” she said.",
     "It was a hard winter,", "Oksana Kovalenko", "person"),
    ("Ximena Castro debated Joaquín Herrera in Bogotá.\n\n“The reform is dead,” he said.",
     "The reform is dead,", "Joaquín Herrera", "person"),
    ("Adebayo Okafor thanked Chiamaka Eze for her work.\n\n“She saved the project,” he said.",
     "She saved the project,", "Adebayo Okafor", "person"),
    # several men: the subject of the previous sentence, not the object
    ("Tom Hale criticised Peter Lang on Monday.\n\n“It is a disgrace,” he said.",
     "It is a disgrace,", "Tom Hale", "person"),
    ("“We will win the vote,” said Tom Hale.\n\nPeter Lang, the opposition leader, "
     "disagreed. “They will lose,” he said.", "They will lose,", "Peter Lang", "person"),
    ("Maria Lopez and Tom Hale spoke after the vote. “I am relieved,” she said. “So am I, "
     "frankly,” he said.", "So am I, frankly,", "Tom Hale", "person"),
    ("Sarah Quinn thanked the firefighters. Her husband, David Quinn, was still in "
     "hospital.\n\n“They saved our lives,” she said.", "They saved our lives,", "Sarah Quinn",
     "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", PRONOUNS)
def test_pronouns_among_several_people(text, passage, name, kind):
    _check(text, passage, name, kind)


# A description ("the 62-year-old", "the former secretary of state") goes back to the
# person introduced with that age or role; a different age is someone else.
DESCRIPTIONS = [
    ("Jane Doe, 62, has run the shelter since 2009.\n\n“We have never been this full,” "
     "the 62-year-old said.", "We have never been this full,", "Jane Doe", "person"),
    ("Ellie Kane, 19, scored twice. Her teammate Mia Ford, 27, scored once.\n\n"
     "“The young ones carried us,” the 27-year-old said.", "The young ones carried us,",
     "Mia Ford", "person"),
    ("Former Secretary of State Jane Doe endorsed the plan. Tom Hale, a senator, opposed "
     "it.\n\n“It is a sensible compromise,” the former secretary of state said.",
     "It is a sensible compromise,", "Jane Doe", "person"),
    ("Jane Doe, 62, has run the shelter since 2009.\n\n“Nobody helps us here,” the "
     "45-year-old said.", "Nobody helps us here,", "45-year-old", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", DESCRIPTIONS)
def test_descriptions_link_back(text, passage, name, kind):
    _check(text, passage, name, kind)


# A description nobody precedes is the person who opens one of the next sentences
# ("Jane Doe, who …"); a person named in passing, or holding another office, is not.
NAMED_LATER = [
    ("“We were never told the water was unsafe,” the former governor said.\n\n"
     "Jane Doe, who led the state from 2011 to 2019, has since become a critic of the utility.",
     "We were never told the water was unsafe,", "Jane Doe", "person"),
    ("“This is a betrayal of every driver,” the union leader said. Tom Hale, who has led "
     "the drivers' union since 2019, called for a strike.",
     "This is a betrayal of every driver,", "Tom Hale", "person"),
    ("“It was chaos from start to finish,” the witness said. Police later arrested a man "
     "named Tom Hale at his home.", "It was chaos from start to finish,", "witness",
     "anonymous"),
    ("“The budget is balanced at last,” the minister said. Tom Hale, the opposition leader, "
     "disagreed.", "The budget is balanced at last,", "minister", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", NAMED_LATER)
def test_description_named_in_a_following_sentence(text, passage, name, kind):
    _check(text, passage, name, kind)


# Surnames with inner capitals, accents and apostrophes link to the full name.
SURNAMES = [
    ("Siobhan McDonald chairs the inquiry.\n\n“We will publish everything,” McDonald said.",
     "We will publish everything,", "Siobhan McDonald", "person"),
    ("Mesut Özil announced his retirement.\n\n“It is time to go,” Özil said.",
     "It is time to go,", "Mesut Özil", "person"),
    ("Nguyễn Thị Lan leads the cooperative.\n\n“Prices are too low,” Lan said.",
     "Prices are too low,", "Nguyễn Thị Lan", "person"),
    ("Łukasz Nowak won the race.\n\n“I am so tired,” Nowak said.", "I am so tired,",
     "Łukasz Nowak", "person"),
    ("Aoife O'Neill opened the hearing.\n\n“We start today,” O'Neill said.", "We start today,",
     "Aoife O'Neill", "person"),
    # particles: lower-case at the start of a cue, capitalised at a sentence start
    ("European Commission President Ursula von der Leyen spoke in Brussels.\n\n“Europe will "
     "not be blackmailed,” von der Leyen said.", "Europe will not be blackmailed,",
     "Ursula von der Leyen", "person"),
    ("Ursula von der Leyen spoke in Brussels. “Europe will not be blackmailed,” she said.",
     "Europe will not be blackmailed,", "Ursula von der Leyen", "person"),
    ("Ana de la Cruz runs the clinic.\n\n“We are full every night,” de la Cruz said.",
     "We are full every night,", "Ana de la Cruz", "person"),
    ("Rafael van der Vaart spoke after the match. “It was a great night,” Van der Vaart said.",
     "It was a great night,", "Rafael van der Vaart", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", SURNAMES)
def test_surnames_link_to_full_names(text, passage, name, kind):
    _check(text, passage, name, kind)


# A quotation that is its own sentence, with no cue and nobody before it to continue,
# takes the speaker of the attribution that opens the next sentence of its paragraph.
NEXT_SENTENCE = [
    ("Residents queued for water on Sunday.\n\n“We have nothing left at all.” Amina Yusuf, "
     "38, said her house had been swept away.", "We have nothing left at all.", "Amina Yusuf",
     "person"),
    ("“The numbers speak for themselves.” Chief executive Dana Cole told analysts that sales "
     "rose 12%.", "The numbers speak for themselves.", "Dana Cole", "person"),
    # no attribution next: nobody
    ("“We want our jobs back right now.” The protest ended at dusk.",
     "We want our jobs back right now.", None, None),
    # the attribution opens the next paragraph: that person (NEXT_PARAGRAPH below)
    ("“We want our jobs back right now.”\n\nTom Hale said the factory would close in June.",
     "We want our jobs back right now.", "Tom Hale", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", NEXT_SENTENCE)
def test_attribution_in_the_next_sentence(text, passage, name, kind):
    _check(text, passage, name, kind)


# An aside between commas after the speaker ("speaking to reporters", "however", "of X")
# is skipped; a quotation introduced by "X was blunt:" is X's; "said that A but that B"
# gives two passages.
ASIDES = [
    ("Tom Hale, speaking to reporters on Monday, said the plan was dead.",
     "the plan was dead", "Tom Hale", "person"),
    ("“The plan is dead,” Tom Hale, speaking to reporters on Monday, said.",
     "The plan is dead,", "Tom Hale", "person"),
    ("Tom Hale chairs the panel. Hale, however, said the plan could still be saved.",
     "the plan could still be saved", "Tom Hale", "person"),
    ("“Nobody was consulted,” Omar Said, of Digital Rights Watch, said.",
     "Nobody was consulted,", "Omar Said", "person"),
    ("Tom Hale was blunt: “The plan is dead and everyone knows it.”",
     "The plan is dead and everyone knows it.", "Tom Hale", "person"),
    ("Maria Lopez chairs the board. She was unrepentant: “I would do it all again.”",
     "I would do it all again.", "Maria Lopez", "person"),
    ("Chief executive Dana Cole said the results were disappointing but that the company "
     "would recover.", "the company would recover", "Dana Cole", "person"),
    # not a statement: the subject before the colon is a thing, or an organisation's find
    ("The rules are clear: “No dogs beyond this point at any time.”",
     "No dogs beyond this point at any time.", None, None),
    ("Police found a note in the car: “Do not follow me, I am fine.”",
     "Do not follow me, I am fine.", None, None),
]


@pytest.mark.parametrize("text,passage,name,kind", ASIDES)
def test_asides_and_colons(text, passage, name, kind):
    _check(text, passage, name, kind)


# he/she prefers the person who opens the previous sentence, even after an introductory
# phrase or a role written before the name ("His deputy, Peter Lang, disagreed").
PREVIOUS_SUBJECT = [
    ("“The plan is dead,” Tom Hale said on Monday. His deputy, Peter Lang, disagreed.\n\n"
     "“It can be saved,” he said.", "It can be saved,", "Peter Lang", "person"),
    ("“The plan is dead,” Tom Hale said on Monday. After a long pause, Peter Lang "
     "disagreed. “It can be saved,” he said.", "It can be saved,", "Peter Lang", "person"),
    ("Maria Lopez and Tom Hale met on Monday.\n\n“It went well,” Lopez said. Hale agreed. "
     "“She is right,” he said.", "She is right,", "Tom Hale", "person"),
    # the introductory phrase names the object, the sentence's subject is someone else
    ("“We will appeal,” Tom Hale said. In a letter to Hale, Peter Lang rejected the claim.\n\n"
     "“He has no case,” he said.", "He has no case,", "Peter Lang", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", PREVIOUS_SUBJECT)
def test_pronoun_prefers_the_previous_subject(text, passage, name, kind):
    _check(text, passage, name, kind)


# A run of sentences opening with the same he/she keeps the person who opened the
# sentence before the run, not the last speaker; a run opened by the other pronoun
# does not chain.
CHAINED_SUBJECT = [
    ("“The budget is fair,” Tom Hale said on Monday.\n\nPastor Dale Finch, who leads a "
     "church in Ashford, spoke next. He urged calm. He also thanked the firefighters.\n\n"
     "“They saved the town,” he said.", "They saved the town,", "Dale Finch", "person"),
    ("“The budget is fair,” Tom Hale said on Monday. Dale Finch ran the shelter for ten "
     "years. But he rarely gave interviews. “I prefer the work,” he said.",
     "I prefer the work,", "Dale Finch", "person"),
    ("“The budget is fair,” Tom Hale said on Monday. Anna Berg arrived late. She "
     "apologised to the room. “It is a fair plan,” he said.", "It is a fair plan,",
     "Tom Hale", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", CHAINED_SUBJECT)
def test_pronoun_follows_a_chain_of_the_same_pronoun(text, passage, name, kind):
    _check(text, passage, name, kind)


# The previous subject may follow an opening phrase of several commas, or carry a
# relative clause before its verb; a comma opening another clause ("…, and by March,
# X was …") ends the search.
SUBJECT_AFTER_COMMAS = [
    ("“We will appeal,” Tom Hale said. On Friday, at a hearing in Dover, Del., Peter Lang "
     "rejected the claim.\n\n“He has no case,” he said.", "He has no case,", "Peter Lang",
     "person"),
    ("“We will appeal,” Tom Hale said. In the interview, Peter Lang, who chairs the board, "
     "rejected the claim. “He has no case,” he said.", "He has no case,", "Peter Lang",
     "person"),
    ("“We will appeal,” Tom Hale said. The talks stalled, and by March, Peter Lang was "
     "gone. “It was a shame,” he said.", "It was a shame,", "Tom Hale", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", SUBJECT_AFTER_COMMAS)
def test_previous_subject_after_an_opening_phrase_of_commas(text, passage, name, kind):
    _check(text, passage, name, kind)


# A previous sentence that ends by citing someone ("…, Roe said.") reports that person's
# words: its own subject is what they spoke about, so he/she is the one cited.
CITED_BEFORE_SUBJECT = [
    ("“Turnout will be high,” Tom Hale said. While the plan looks sound, Mayor Ken Ladd "
     "will struggle to pass it, Ian Moss said on Friday.\n\n“The votes are not there,” he "
     "said.", "The votes are not there,", "Ian Moss", "person"),
    ("“Turnout will be high,” Tom Hale said. Ken Ladd will struggle in the suburbs, said "
     "Ian Moss, a former aide to the mayor.\n\n“The votes are not there,” he said.", "The votes are not there,",
     "Ian Moss", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", CITED_BEFORE_SUBJECT)
def test_pronoun_prefers_the_person_cited_over_the_subject(text, passage, name, kind):
    _check(text, passage, name, kind)


# Wire and politics conventions: a role written before the subject's name; "the South
# Dakota Republican" as a description of the senator just named; "…, X said on Wednesday,
# urging …" reports the clause before the cue (dateline excluded), not the aside after it.
WIRE = [
    ("The charity's chair, Helen Ward, welcomed the sentence but said the damage would take "
     "years to repair.", "the damage would take years to repair", "Helen Ward", "person"),
    ("Lankford's colleague, Sen. John Thune, defended the decision. The South Dakota "
     "Republican said the bill “did not go far enough.”", "did not go far enough.",
     "John Thune", "person"),
    ("GENEVA (Reuters) - Measles cases in Europe rose 30-fold last year, the World Health "
     "Organization said on Wednesday, urging parents to vaccinate their children.",
     "Measles cases in Europe rose 30-fold last year", "World Health Organization",
     "organization"),
]


@pytest.mark.parametrize("text,passage,name,kind", WIRE)
def test_wire_conventions(text, passage, name, kind):
    _check(text, passage, name, kind)


def test_a_participle_aside_is_not_reported_speech():
    text = ("Measles cases rose sharply, the agency said on Wednesday, urging parents to "
            "vaccinate their children.")
    assert "urging parents to vaccinate their children" not in [q.text for q in extract_quotes(text)]


# Before anyone has spoken, a description ("the world number one") is the subject of the
# previous sentence, not its object; a title of unknown words before a full name still
# makes that person the subject; a lone plural ("Scientists warned") is a vague group.
SUBJECTS = [
    ("Iga Swiatek beat Aryna Sabalenka 6-4 6-3 on Saturday.\n\n“I felt calm from the first "
     "point,” the world number one said.", "I felt calm from the first point,", "Iga Swiatek",
     "person"),
    ("Transportation Secretary Pete Buttigieg said the fine sent a message.\n\nConsumer "
     "advocate Bill McGee was less impressed. “Two million is a rounding error,” he said.",
     "Two million is a rounding error,", "Bill McGee", "person"),
    ("“The fine sends a message,” Pete Buttigieg said. Longtime critic Sara Olsen was "
     "unmoved. “It is a rounding error,” she said.", "It is a rounding error,", "Sara Olsen",
     "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", SUBJECTS)
def test_subjects_before_objects(text, passage, name, kind):
    _check(text, passage, name, kind)


@pytest.mark.parametrize("text", [
    "Scientists warned that more fissures could open near the town.",
    "Doctors said that the hospital was running out of beds.",
])
def test_a_lone_plural_is_a_vague_group(text):
    assert [q.speaker for q in extract_quotes(text)] in ([], [None])


# "…, Name, who said (that) CLAUSE" reports Name's speech, even when Name is the object
# of the main clause; an anonymous "a man who said" is not a source. "Tom Hale's lawyer"
# is one description, the whole possessive name included.
RELATIVES = [
    ("Tom Hale thanked Maria Lopez, who said she was delighted with the result.",
     "she was delighted with the result", "Maria Lopez", "person"),
    ("The award went to Maria Lopez, who said that she would share it with her team.",
     "she would share it with her team", "Maria Lopez", "person"),
    ("Tom Hale's lawyer said his client would appeal the verdict.",
     "his client would appeal the verdict", "Tom Hale's lawyer", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", RELATIVES)
def test_relative_clause_speakers(text, passage, name, kind):
    _check(text, passage, name, kind)


def test_an_anonymous_relative_is_not_a_source():
    text = "Police arrested a man who said he had been at home all evening."
    assert [q for q in extract_quotes(text) if q.kind == "indirect"] == []


# A nationality is a description of the person opening the sentence before ("the
# Israeli", "the Filipino"), not of the person named last; an office the subject does
# not hold ("the minister" after the mayor) is someone else.
NATIONALITIES = [
    ("Benjamin Netanyahu met Joe Biden on Monday. “We will do what is necessary,” the "
     "Israeli said.", "We will do what is necessary,", "Benjamin Netanyahu", "person"),
    ("Manny Pacquiao returned to the ring at 46. “I still have the fire,” the Filipino said.",
     "I still have the fire,", "Manny Pacquiao", "person"),
    ("Mayor Tom Hale met the health minister on Monday. “Funding will rise next year,” the "
     "minister said.", "Funding will rise next year,", "minister", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", NATIONALITIES)
def test_nationalities_and_offices(text, passage, name, kind):
    _check(text, passage, name, kind)


# A one-word name introduced by a role or relation ("his wife, Layla,", "her son Omar",
# "the coach, Pep,") is that person, later as "Pep said" or "she said" too; a one-word
# organisation after a company word or a regulator stays an organisation.
INTRODUCED_NAMES = [
    ("The family waited for news all night. Her son Omar said the hospital had told "
     "them nothing.", "the hospital had told them nothing", "Omar", "person"),
    ("Rangi Parata was swept away by the river. His brother Tane said the search had been "
     "called off too soon. “Nobody came back for him,” Tane said.",
     "Nobody came back for him,", "Tane", "person"),
    ("The club confirmed the signing on Monday. “He is exactly what we needed,” the "
     "coach, Pep, said.\n\n“We move on to the next one,” Pep said.",
     "We move on to the next one,", "Pep", "person"),
    ("Ahmed Karimi, 44, was killed in the blast. His wife, Layla, said she had begged him "
     "not to go. “He wanted to help,” she said.", "He wanted to help,", "Layla", "person"),
    ("Amara Diallo, 34, was injured in the crash. Her partner, Kwame, said she was "
     "recovering well. “She is strong,” Kwame said.", "She is strong,", "Kwame", "person"),
    # negative: a company word or a regulator introduces an organisation
    ("Tom Hale was fired in May. His employer, Brightwater, said the decision was final. "
     "“We will not comment further,” Brightwater said.", "We will not comment further,",
     "Brightwater", "organization"),
    ("Bills rose again in April. The regulator, Ofwat, said the rises were justified. "
     "“Investment has to be paid for,” Ofwat said.", "Investment has to be paid for,",
     "Ofwat", "organization"),
]


@pytest.mark.parametrize("text,passage,name,kind", INTRODUCED_NAMES)
def test_one_word_name_introduced_by_a_role(text, passage, name, kind):
    _check(text, passage, name, kind)


# A paragraph that is only a quotation, with no speaker before it to continue, takes the
# named person whose attribution opens the next paragraph; not when the previous
# paragraph has a speaker, nor when the next paragraph opens with narrative.
NEXT_PARAGRAPH = [
    ("“We will rebuild every school.”\n\nMayor Ana Lopez said the city would borrow to pay "
     "for the work.", "We will rebuild every school.", "Ana Lopez", "person"),
    ("Floods hit the town on Sunday.\n\n“Nobody warned us the dam was full.”\n\nFarmer "
     "Joseph Mwangi told reporters his fields were still under water.",
     "Nobody warned us the dam was full.", "Joseph Mwangi", "person"),
    ("The plant closed in March.\n\n“It was the end of a way of life.”\n\nUnion leader "
     "Karen Doyle added that 400 jobs had gone.", "It was the end of a way of life.",
     "Karen Doyle", "person"),
    # negative: the next paragraph opens with narrative
    ("“The water came in minutes.”\n\nRescuers reached the village on Tuesday. Mayor Ana "
     "Lopez said the city would help.", "The water came in minutes.", None, None),
    # the previous paragraph already has a speaker: not the next paragraph's person; the
    # quotation continues the reported speech just before it (sieve rule 10)
    ("Mayor Ana Lopez said the city would borrow.\n\n“We will rebuild every school.”\n\n"
     "Governor Tom Hale said the state would help.", "We will rebuild every school.",
     "Ana Lopez", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", NEXT_PARAGRAPH)
def test_quotation_paragraph_takes_the_next_paragraph_speaker(text, passage, name, kind):
    _check(text, passage, name, kind)


# A colon introduction by an organisation: "The ministry was clear: “…”" (a copula) or
# "the Red Cross said: “…”" gives the organisation, named as elsewhere ("the ministry
# said" is "ministry"); a name after "the" is an organisation. Things ("The rules are
# clear:") and what an organisation found or published are nobody's statement.
ORG_COLONS = [
    ("Talks collapsed on Friday. The ministry was clear: “There will be no extension of the "
     "deadline.”", "There will be no extension of the deadline.", "ministry", "organization"),
    ("In a statement, the Red Cross said: “Our teams cannot reach the wounded in the north.”",
     "Our teams cannot reach the wounded in the north.", "Red Cross", "organization"),
    ("The World Health Organization was blunt: “Hospitals in the region are full.”",
     "Hospitals in the region are full.", "World Health Organization", "organization"),
    ("Aid was blocked at the border. The Red Cross was unusually direct: “This is a "
     "violation of the law.”", "This is a violation of the law.", "Red Cross", "organization"),
    # negative: a thing, not a speaker
    ("The rules are clear: “No phones may be used in the chamber.”",
     "No phones may be used in the chamber.", None, None),
    # negative: an organisation's find or publication is not its statement
    ("Police searched the flat on Monday. Police found a note: “I am sorry for everything "
     "I did.”", "I am sorry for everything I did.", None, None),
    ("The ministry published the list on Monday: “Schools will reopen in all districts "
     "next week.”", "Schools will reopen in all districts next week.", None, None),
]


@pytest.mark.parametrize("text,passage,name,kind", ORG_COLONS)
def test_organisation_colon_introduction(text, passage, name, kind):
    _check(text, passage, name, kind)


# A title-like word that ends a name after an honorific or a given name is a surname
# ("Mr. King", "Dr. Bishop", "Rep. Owen Judge"), not a role; an office title after
# another title ("Attorney General") is still no name.
TITLE_SURNAMES = [
    ("Mr. King said the new levy was “a tax on working families” and vowed to fight it.",
     "a tax on working families", "King", "person"),
    ("Dr. Bishop told the panel that the vaccine was “safe for children over five.”",
     "safe for children over five.", "Bishop", "person"),
    ("Rep. Owen Judge said the bill was “dead on arrival” in the Senate.",
     "dead on arrival", "Owen Judge", "person"),
    # negative: an office title is no surname
    ("The Attorney General said the verdict was “a setback” for the county.",
     "a setback", "Attorney General", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", TITLE_SURNAMES)
def test_title_word_as_surname(text, passage, name, kind):
    _check(text, passage, name, kind)


# A number may lead the role before a name after the verb ("said 9/11 widow X",
# "said 2020 nominee X"); "the billionaire", "the tycoon" are role descriptions that
# name the person introduced with that role.
NUMBERED_ROLES = [
    ("“We want the truth,” said 9/11 widow Dana Pruitt, who lost her husband in the attacks.",
     "We want the truth,", "Dana Pruitt", "person"),
    ("“The party has moved on,” said 2020 nominee Hal Brekke at a dinner in Dayton.",
     "The party has moved on,", "Hal Brekke", "person"),
    ("Billionaire Roy Vance spent the week in Iowa.\n\nThe billionaire said the farm bill was "
     "“a giveaway” to lobbyists.", "a giveaway", "Roy Vance", "person"),
    ("“She has earned a second term,” said Okafor ally Bruno Lindqvist.",
     "She has earned a second term,", "Bruno Lindqvist", "person"),
    # negative: a count after the verb is no speaker
    ("“We will not pay,” said 40 of the tenants in a letter.", "We will not pay,", None, None),
]


@pytest.mark.parametrize("text,passage,name,kind", NUMBERED_ROLES)
def test_numbered_and_business_roles(text, passage, name, kind):
    _check(text, passage, name, kind)


# He/she after an anonymous speaker ("a staffer wondered") goes to a person named after
# that speaker spoke, not to the anonymous speaker; with nobody named since, the
# anonymous speaker keeps it.
ANONYMOUS_THEN_NAMED = [
    ("“Will she run again?” a party aide asked.\n\nCouncillor Rita Moreno has led the "
     "housing committee since 2019. Her first job was as a bus driver, and it taught her "
     "“to listen to people,” she said.", "to listen to people,", "Rita Moreno", "person"),
    ("“Nobody here trusts the board,” a union official said.\n\nThe pit closed in 1998. "
     "“We were told it would reopen,” he said.", "We were told it would reopen,",
     "union official", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", ANONYMOUS_THEN_NAMED)
def test_pronoun_after_anonymous_speaker(text, passage, name, kind):
    _check(text, passage, name, kind)


# "X calls Y “…”": the subject of "calls" is the speaker of the quoted words, also past an
# appositive; "calls" as a noun ("phone calls") gives no speaker.
CALLS = [
    ("Senator Ines Falk calls the pension bill “a betrayal of every nurse in the state.”",
     "a betrayal of every nurse in the state.", "Ines Falk", "person"),
    ("Historian Omar Tabet, a lecturer at Leeds, calls the new museum “a missed chance” "
     "because it leaves out the mills.", "a missed chance", "Omar Tabet", "person"),
    # negative: a noun, not a verb
    ("Residents said the late-night phone calls were “relentless” for weeks.", "relentless",
     "Residents", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", CALLS)
def test_calls_subject_speaks(text, passage, name, kind):
    _check(text, passage, name, kind)


# After the verb, lower-case modifiers may lead to a capitalised title and a full name
# ("said former Gov. X", "said retired Navy Adm. X", "said veteran GOP pollster X"); a
# lone surname after such a title is left unread.
MODIFIED_TITLES = [
    ("“The count was fair,” said former Gov. Elsa Marquardt, who oversaw the last recount.",
     "The count was fair,", "Elsa Marquardt", "person"),
    ("“We are not ready for this,” said retired Navy Adm. Curtis Oyelaran.",
     "We are not ready for this,", "Curtis Oyelaran", "person"),
    ("“The suburbs decide it,” said veteran GOP pollster Dana Whitcombe.",
     "The suburbs decide it,", "Dana Whitcombe", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", MODIFIED_TITLES)
def test_modifiers_before_title_and_name(text, passage, name, kind):
    _check(text, passage, name, kind)


# A state alone in brackets after a lawmaker's name ("Sen. X (Tex.) said") is a tag like
# "(R-Tex.)": the name before it is the subject of the verb after it.
STATE_TAGS = [
    ("Sen. Wendell Oduya (Tex.) has said that he would “close the office in its first week.”",
     "close the office in its first week.", "Wendell Oduya", "person"),
    ("Rep. Carla Benedetti (N.J.) told reporters the deal was “a cave-in.”",
     "a cave-in.", "Carla Benedetti", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", STATE_TAGS)
def test_state_tag_after_name(text, passage, name, kind):
    _check(text, passage, name, kind)


# A title with "of"/"for" and its department before a name ("said former Secretary of
# State X", "Secretary of Homeland Security X said"): the department is part of the role and the
# person is the name after it; with no person written, no name is made of the department.
DEPARTMENT_TITLES = [
    ("“The border talks are over,” said former Secretary of State Ingrid Vasquez-Holm.",
     "The border talks are over,", "Ingrid Vasquez-Holm", "person"),
    ("Secretary of Homeland Security Desmond Aalto said, “We will double the patrols.”",
     "We will double the patrols.", "Desmond Aalto", "person"),
    ("“The quota stays,” said Deputy Secretary of State Ruth Okafor-Lind.",
     "The quota stays,", "Ruth Okafor-Lind", "person"),
    ("“The quota stays,” said Rita Benn, president of the Coastal Trawlers Association.",
     "The quota stays,", "Rita Benn", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", DEPARTMENT_TITLES)
def test_department_title_before_name(text, passage, name, kind):
    _check(text, passage, name, kind)


# An unnamed source qualified by "close to", "familiar with", "involved in" is that source,
# before or after the verb; the name inside the qualifier never speaks.
QUALIFIED_SOURCES = [
    ("“The board will not budge,” said a person close to the negotiations.",
     "The board will not budge,", "person", "anonymous"),
    ("“The board will not budge,” said one official familiar with the talks.",
     "The board will not budge,", "official", "anonymous"),
    ("A person close to Mayor Odile Varga said, “The board will not budge.”",
     "The board will not budge.", "person", "anonymous"),
    ("One aide involved in the planning said the budget was “nearly spent.”",
     "nearly spent.", "aide", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", QUALIFIED_SOURCES)
def test_qualified_unnamed_source(text, passage, name, kind):
    _check(text, passage, name, kind)


# "another" opens an unnamed speaker like "a"/"one": "Another resident said" is that
# resident, not the person named in the sentence before.
ANOTHER_SPEAKERS = [
    ("Councillor Bram Eskelund said, “The ferry is late again.” Another resident said, "
     "“We have stopped counting.”", "We have stopped counting.", "resident", "anonymous"),
    ("“We have stopped counting,” said another resident.",
     "We have stopped counting,", "resident", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", ANOTHER_SPEAKERS)
def test_another_opens_unnamed_speaker(text, passage, name, kind):
    _check(text, passage, name, kind)


# Nouns for people met at an event or on a site are roles: "One attendee said", "a
# commenter wrote" is that unnamed person.
CROWD_ROLES = [
    ("The hall was full on Tuesday. One attendee said, “The chairs ran out by noon.”",
     "The chairs ran out by noon.", "attendee", "anonymous"),
    ("Under the article, one commenter wrote, “Nobody asked the fishermen.”",
     "Nobody asked the fishermen.", "commenter", "anonymous"),
    ("“We waited two hours,” said a passenger on the late ferry.",
     "We waited two hours,", "passenger", "anonymous"),
]


@pytest.mark.parametrize("text,passage,name,kind", CROWD_ROLES)
def test_crowd_nouns_are_roles(text, passage, name, kind):
    _check(text, passage, name, kind)


# "estimated that", "worried that" report what the subject said, as "warned that" does.
ESTIMATE_WORRY_VERBS = [
    ("Harbour engineer Lotte Brandvik estimated that repairs would take “at least a decade.”",
     "at least a decade.", "Lotte Brandvik", "person"),
    ("Councillor Teodor Maas worried that the ferry plan was “a promise nobody can keep.”",
     "a promise nobody can keep.", "Teodor Maas", "person"),
]


@pytest.mark.parametrize("text,passage,name,kind", ESTIMATE_WORRY_VERBS)
def test_estimate_and_worry_report_speech(text, passage, name, kind):
    _check(text, passage, name, kind)


# A capitalised "Tweeted" after a name is a verb, never the end of the speaker's name (the
# colon rule then names nobody: a null beats "Pia Harjunpää Tweeted").
CAPITALISED_TWEETED = [
    ("Councillor Pia Harjunpää Tweeted: “The bridge stays shut tonight.”",
     "The bridge stays shut tonight.", None, None),
]


@pytest.mark.parametrize("text,passage,name,kind", CAPITALISED_TWEETED)
def test_capitalised_tweeted_is_no_name(text, passage, name, kind):
    _check(text, passage, name, kind)
