"""Reported (indirect) speech rules on short hand-written texts, one table per rule of
reported.RULES, in its order.

Each row is (text, expected indirect passages as (text, speaker name)). The texts are
invented; the expected values are written by hand.
"""
from __future__ import annotations

import pytest

from api.extraction import extract_quotes
from api.extraction.reported import RULES


def _indirect(text: str) -> list[tuple[str, str | None]]:
    out = []
    for q in extract_quotes(text, "2024-05-02"):
        assert text[q.start:q.end] == q.text
        if q.kind == "indirect":
            out.append((q.text, q.speaker.name if q.speaker else None))
    return out


def test_rules_are_named_in_order():
    assert [r.__name__ for r in RULES] == ["interposed_cue", "closing_cue", "as_cue",
                                           "subordinate_cue", "opening_cue",
                                           "appositive_cue", "saying", "telling",
                                           "second_that", "coordinated_cue",
                                           "according_cue", "later_cue", "appeal_cue",
                                           "coordinated_verb", "after_quote"]


# "A, X said, B": both parts are one statement, two passages with one cue; a relative
# clause after the cue is the writer's.
INTERPOSED_CUE = [
    ("The new timetable, Odile Marchetti said, would cut waiting times at rural stations.",
     [("The new timetable", "Odile Marchetti"),
      ("would cut waiting times at rural stations", "Odile Marchetti")]),
    ("The levy raised little, she said on Monday, because few firms had registered.",
     [("The levy raised little", None),
      ("because few firms had registered", None)]),
    # a sentence adverb before the cue frames the statement; it is not a passage
    ("Still, Odile Marchetti said, the rural stations would keep their ticket offices.",
     [("the rural stations would keep their ticket offices", "Odile Marchetti")]),
    ("The new timetable, several people close to the board said, would be delayed.", []),
    ("The levy would raise $40 million, the Orlen Institute said, compared with $9 million "
     "last year.", [("The levy would raise $40 million", "Orlen Institute")]),
    ("Pressure on the hull rises sharply below 300 metres, Rafe Olsen explained, which is why "
     "the dive was cut short.",
     [("Pressure on the hull rises sharply below 300 metres", "Rafe Olsen")]),
]


@pytest.mark.parametrize("text,expected", INTERPOSED_CUE)
def test_interposed_cue(text, expected):
    assert _indirect(text) == expected


CLOSING_CUE = [
    ("The bridge would reopen to lorries by the end of March, said Colin Avery.",
     [("The bridge would reopen to lorries by the end of March", "Colin Avery")]),
    ("Harvest yields in the valley fell by a third last year, Imogen Tate said.",
     [("Harvest yields in the valley fell by a third last year", "Imogen Tate")]),
    ("Too late, Imogen Tate said.", []),  # two words are no passage
    ("Sales were strong, Imogen Tate said.", [("Sales were strong", "Imogen Tate")]),
    # a role before the speaker's name belongs to the cue, not to the passage
    ("The depot will close in May, her chief aide, Tom Reyes, told the Courier.",
     [("The depot will close in May", "Tom Reyes")]),
    ("(The levy will rise next year, Imogen Tate said.)",
     [("The levy will rise next year", "Imogen Tate")]),
    ("At the end of the long dinner, Imogen Tate told a joke.", []),
    ("The bridge will stay shut until the spring, Dara Quill said, and the ferry will run "
     "twice a day.",
     [("The bridge will stay shut until the spring", "Dara Quill")]),
    # time and channel phrases after the cue still end the sentence
    ("The quarry would close within two years, Ilse Varga said in an interview on Friday.",
     [("The quarry would close within two years", "Ilse Varga")]),
    ("The quarry would close within two years, Ilse Varga said in a statement that "
     "nobody read.", []),
]


@pytest.mark.parametrize("text,expected", CLOSING_CUE)
def test_closing_cue(text, expected):
    assert _indirect(text) == expected


AS_CUE = [
    ("As Joaquim Pereira said on Tuesday, the harbour needs a second breakwater.",
     [("the harbour needs a second breakwater", "Joaquim Pereira")]),
    ("As Joaquim Pereira said, it rained.", []),
]


@pytest.mark.parametrize("text,expected", AS_CUE)
def test_as_cue(text, expected):
    assert _indirect(text) == expected


OPENING_CUE = [
    ("Marta Villanueva said the depot would close in the spring.",
     [("the depot would close in the spring", "Marta Villanueva")]),
    ("Marta Villanueva said on Friday that the depot would close in the spring.",
     [("the depot would close in the spring", "Marta Villanueva")]),
    ("Marta Villanueva told reporters that the depot would close in the spring.",
     [("the depot would close in the spring", "Marta Villanueva")]),
    ("Marta Villanueva told the depot staff about the spring.", []),  # no clause
    # "told" + a named audience + a clause without "that"; the cue ends with the audience
    ("Rhea Castell told the Hollis Courier her bakery never closed on Sundays.",
     [("her bakery never closed on Sundays", "Rhea Castell")]),
    ("Rhea Castell told Omar the story of the strike.", []),
    ("Rhea Castell told the story of the dock strike, a dispute that the mayor had settled.",
     []),
    ("Rhea Castell agreed to a settlement with the state over allegations that her firm had "
     "misled buyers.", []),
    # a dash, a semicolon or a parenthesis opens a clause as a comma does
    ("The vote was close; Hale Idris said the result would stand.",
     [("the result would stand", "Hale Idris")]),
    ("Hale Idris knows his weak spot — Idris told the Gazette that his task is to win "
     "back older voters.",
     [("his task is to win back older voters", "Hale Idris")]),
    ("(Hale Idris writes that he would raise the levy on second homes.)",
     [("he would raise the levy on second homes", "Hale Idris")]),
    # another speaker's statement coordinated after the clause ends it
    ("Ana Ruiz said the depot would close in May, but union leaders said the talks would "
     "go on.", [("the depot would close in May", "Ana Ruiz")]),
    # datelines, times and channels before the clause
    ("Marta Villanueva has said for months that the depot must close.",
     [("the depot must close", "Marta Villanueva")]),
    # a colon after a finite clause stays in the passage; a clock time is no colon
    ("Marta Villanueva said the rule is simple: pay on time or lose the permit.",
     [("the rule is simple: pay on time or lose the permit", "Marta Villanueva")]),
    ("Marta Villanueva said the alarm sounded at 21:40 on the night of the fire.",
     [("the alarm sounded at 21:40 on the night of the fire", "Marta Villanueva")]),
    ("HOLLIS, May 3 (Wirefeed) — Marta Villanueva said the depot would close in the "
     "spring.", [("the depot would close in the spring", "Marta Villanueva")]),
    ("Marta Villanueva said late Thursday at a rally in Port Ellis that the depot would "
     "close.", [("the depot would close", "Marta Villanueva")]),
    ("Marta Villanueva said in an interview with The Hollis Courier that the depot would "
     "close.", [("the depot would close", "Marta Villanueva")]),
    ("Marta Villanueva said at a recording of a podcast in Hove, East Sussex, that the "
     "depot would close.", [("the depot would close", "Marta Villanueva")]),
    ("Marta Villanueva argued forcefully that the depot would close in the spring.",
     [("the depot would close in the spring", "Marta Villanueva")]),
    ("Marta Villanueva said family members were waiting at the depot gate.",
     [("family members were waiting at the depot gate", "Marta Villanueva")]),
    ("Marta Villanueva said Thursday's vote had settled the future of the depot.",
     [("Thursday's vote had settled the future of the depot", "Marta Villanueva")]),
    # a second reporting predicate ends the clause
    ("Ivo Brandt said the ferry was safe and accused the council of scaremongering.",
     [("the ferry was safe", "Ivo Brandt")]),
    ("Experts say the depot will close in the spring.", []),  # a vague group
    ("Residents of Hollis said the depot would close in the spring.", []),
    ("PORT ELLIS, Vantoria (Wirefeed) — The Vantorian navy said on Sunday it had "
     "recovered the second boat.", [("it had recovered the second boat", "Vantorian navy")]),
    ("Marta Villanueva stressed, however, that the depot would close in the spring.",
     [("the depot would close in the spring", "Marta Villanueva")]),
    ("Did Marta Villanueva say the depot would close in the spring?", []),  # a question
    # "announced", "suggested", "recalled" … report speech only with "that" after them
    ("Hallgrim Energy announced on Tuesday that it would sell its two oldest rigs.",
     [("it would sell its two oldest rigs", "Hallgrim Energy")]),
    ("Hallgrim Energy announced a plan that would close its two oldest rigs.", []),
    ("Nadia Ferrante recalled that the river had flooded the square twice in 1998.",
     [("the river had flooded the square twice in 1998", "Nadia Ferrante")]),
    ("Amos Kettering told several hundred people gathered at the Dunmore library on "
     "Saturday that the court had lost its way.",
     [("the court had lost its way", "Amos Kettering")]),
    ("Imelda Roux said it was too early to judge the new rota.",
     [("it was too early to judge the new rota", "Imelda Roux")]),
    # "X, who said A, said B": the second predicate ends the first passage
    ("Petra Lindqvist, who said the fund was solvent, said she would stay on.",
     [("the fund was solvent", "Petra Lindqvist"), ("she would stay on", "Petra Lindqvist")]),
    # a focus or time adverb before the speaker opens the sentence as "But" does
    ("Even Tobias Wren, a longtime ally of the mayor, said the levy had gone too far.",
     [("the levy had gone too far", "Tobias Wren")]),
    # an aside between dashes before "that"; an audience named with its town
    ("Rhea Castell said — on the radio, as it happens — that the bakery would stay open.",
     [("the bakery would stay open", "Rhea Castell")]),
    ("Rhea Castell told The Courier of Hollis last week she would sell the bakery.",
     [("she would sell the bakery", "Rhea Castell")]),
    # a possessor or a role before the speaker's name is part of the subject
    ("The mayor’s spokeswoman Ada Ferreira said the pier would reopen in May.",
     [("the pier would reopen in May", "Ada Ferreira")]),
    ("All the senators said the bill would fail in committee.", []),  # a vague group
    ("Two other senators said the bill would fail in committee.", []),
    # "at least" opens a clause, as no other "at" does
    ("Greta Solberg said at least nine ferries would resume on Friday.",
     [("at least nine ferries would resume on Friday", "Greta Solberg")]),
    ("Greta Solberg said at the pier the ferries would resume.", []),
    ("Then Greta Solberg said the ferry would resume on Friday.",
     [("the ferry would resume on Friday", "Greta Solberg")]),
    ("Evening Greta Solberg said nothing.", []),
]


# "While X said A, MAIN": A is X's passage, up to the comma before the main clause.
SUBORDINATE_CUE = [
    ("While Ilse Marquardt said that the dam was safe, she ordered a second inspection.",
     [("the dam was safe", "Ilse Marquardt")]),
    ("Even as Ilse Marquardt has said the budget is balanced, the council expects a "
     "deficit.", [("the budget is balanced", "Ilse Marquardt")]),
    ("After Ilse Marquardt suggested the depot should close, the union called a strike.",
     [("the depot should close", "Ilse Marquardt")]),
    # the main clause may report too
    ("While Ilse Marquardt said the dam was safe, Paulo Reis said it needed repairs.",
     [("the dam was safe", "Ilse Marquardt"), ("it needed repairs", "Paulo Reis")]),
    # no comma before a main clause: the boundary is unclear
    ("Because Ilse Marquardt said so the council voted.", []),
    # a noun object is no passage
    ("When Ilse Marquardt announced her candidacy, the party rallied behind her.", []),
    # the finite verb that makes "added" report must be in the subordinate clause
    ("After the Hollis Gazette added 300 subscribers in May, its owner was delighted.", []),
]


@pytest.mark.parametrize("text,expected", SUBORDINATE_CUE)
def test_subordinate_cue(text, expected):
    assert _indirect(text) == expected


# Verbs that as readily take a noun object ("announced", "confirmed") report a clause
# without "that" only when a subject pronoun and its verb follow them.
THAT_ONLY = [
    ("Nadia Brook confirmed she would not seek a second term.",
     [("she would not seek a second term", "Nadia Brook")]),
    ("Nadia Brook announced her retirement from the board on Monday.", []),
    ("Nadia Brook confirmed it to the local paper.", []),
    # or a short noun phrase and an auxiliary
    ("Nadia Brook suggested the harbour board should meet in public.",
     [("the harbour board should meet in public", "Nadia Brook")]),
    ("Nadia Brook announced the Kessel line would reopen in June.",
     [("the Kessel line would reopen in June", "Nadia Brook")]),
    ("Nadia Brook announced a plan to sell the depot that would end 40 jobs.", []),
    ("Nadia Brook recalled the night the river was rising.", []),
    ("Nadia Brook alleged fraud and said nothing more.", []),
]


# A stated belief is reported like speech ("X believes CLAUSE"); a passive "is believed
# to" and a belief in a thing report nothing; a denial is never reported as the
# denier's words.
BELIEF = [
    ("Nora Pell believes the council has lost the trust of residents.",
     [("the council has lost the trust of residents", "Nora Pell")]),
    ("Nora Pell thinks the new depot is in the wrong place.",
     [("the new depot is in the wrong place", "Nora Pell")]),
    ("The gunman is believed to have acted alone and was known to police.", []),
    ("Nora Pell believed in the project and backed it for years.", []),
    ("Nora Pell denied that the council had lost the trust of residents.", []),
]


# A named or official group reports ("Republicans said", "officials said"); a vague
# one does not ("experts say", "residents said"); "a visit officials said could …" has
# no clause of its own (its subject is the relative's gap).
GROUPS = [
    ("Republicans said the spending bill would fail in the Senate.",
     [("the spending bill would fail in the Senate", "Republicans")]),
    ("The road was closed. Officials said the bridge would reopen on Monday.",
     [("the bridge would reopen on Monday", "Officials")]),
    ("Experts say the drought will last into the autumn.", []),
    ("Residents of Marlow Green said the area had changed in recent years.", []),
    ("The mayor will visit Tarrow next week, a trip officials said could seal the deal.", []),
]


@pytest.mark.parametrize("text,expected", GROUPS)
def test_groups(text, expected):
    assert _indirect(text) == expected


def test_a_group_is_no_antecedent_of_she():
    text = ("“We will be ready,” Mayor Lena Fisk said at the site. Officials said the bridge "
            "would reopen on Monday. “The work is done,” she said.")
    speakers = [(q.text, q.speaker.name if q.speaker else None) for q in extract_quotes(text)]
    assert speakers == [("We will be ready,", "Lena Fisk"),
                        ("the bridge would reopen on Monday", "Officials"),
                        ("The work is done,", "Lena Fisk")]


@pytest.mark.parametrize("text,expected", BELIEF)
def test_belief(text, expected):
    assert _indirect(text) == expected


# A pledge reports what the speaker will do ("vowed to …"); a contracted pronoun opens
# a clause ("confirmed she’d …").
PLEDGES = [
    ("Nadia Brook vowed to repeal the parking levy within a year.",
     [("to repeal the parking levy within a year", "Nadia Brook")]),
    ("Nadia Brook promised to the voters a cleaner river.", []),
    ("Nadia Brook announced she’d step down in June.",
     [("she’d step down in June", "Nadia Brook")]),
]


@pytest.mark.parametrize("text,expected", PLEDGES)
def test_pledges(text, expected):
    assert _indirect(text) == expected


@pytest.mark.parametrize("text,expected", THAT_ONLY)
def test_that_only_verbs(text, expected):
    assert _indirect(text) == expected


@pytest.mark.parametrize("text,expected", OPENING_CUE)
def test_opening_cue(text, expected):
    assert _indirect(text) == expected


APPOSITIVE_CUE = [
    ("Mira Santos, a geologist at the Hollis Institute, said the cliff path should stay "
     "closed.",
     [("the cliff path should stay closed", "Mira Santos")]),
    ("Last week, a quiet month for the firm, said little about the council's plans.", []),
    ("Petra Lindqvist, who says the fund is solvent, said she would stay on as chair.",
     [("the fund is solvent", "Petra Lindqvist"),
      ("she would stay on as chair", "Petra Lindqvist")]),
    ("Sen. Maren Holt (D-Ore.) said the bill would not pass before the summer recess.",
     [("the bill would not pass before the summer recess", "Maren Holt")]),
    ("A second geologist, Edwin Stroud of Calder University, said the cliff had moved "
     "twice.", [("the cliff had moved twice", "Edwin Stroud")]),
    ("Arlo Bexley, citing the port's own ledger, said that about half the crews live on "
     "the island.", [("about half the crews live on the island", "Arlo Bexley")]),
    # a quotation in the appositive is its own record; the clause after the verb reports
    ("Arlo Bexley, who calls the levy “a tax on ferries,” said the crews would pay most of "
     "it.", [("the crews would pay most of it", "Arlo Bexley")]),
]


@pytest.mark.parametrize("text,expected", APPOSITIVE_CUE)
def test_appositive_cue(text, expected):
    assert _indirect(text) == expected


SAYING = [
    ("Desmond Achebe rejected the offer, saying the terms were far too vague.",
     [("the terms were far too vague", "Desmond Achebe")]),
    # the participle ends the first passage; its quotation is the record of what follows
    ("Desmond Achebe said the offer was far too vague, adding that he would “walk away”.",
     [("the offer was far too vague", "Desmond Achebe")]),
    ("Brightmoor Retail fell 6% after warning that holiday sales would miss its target.",
     [("holiday sales would miss its target", "Brightmoor Retail")]),
    ("Brightmoor Retail fell 6% after warning investors.", []),
    ("Tove Lindahl won the regatta, claiming a second title in three years.", []),
    # a dash before the participle; "For months," sets the scene
    ("Ruth Okoye dismissed the charge — saying the firm had paid every invoice.",
     [("the firm had paid every invoice", "Ruth Okoye")]),
    ("For months, Ruth Okoye stayed out of the race, arguing she had no wish to divide "
     "the party.",
     [("she had no wish to divide the party", "Ruth Okoye")]),
    # a scene-setting phrase may open the sentence before the subject
    ("In March, Judge Alma Petrov struck down the rule, saying the council had exceeded "
     "its powers.",
     [("the council had exceeded its powers", "Alma Petrov")]),
    ("Desmond Achebe said the offer was far too vague, adding that he would walk away "
     "from the talks.",
     [("the offer was far too vague", "Desmond Achebe"),
      ("he would walk away from the talks", "Desmond Achebe")]),
]


@pytest.mark.parametrize("text,expected", SAYING)
def test_saying(text, expected):
    assert _indirect(text) == expected


# "X …, telling AUDIENCE (that) CLAUSE": the audience and the clause as after "told".
TELLING = [
    ("Lorna Vidal rejected the merger, telling reporters that the port would stay public.",
     [("the port would stay public", "Lorna Vidal")]),
    ("Lorna Vidal defended the budget, telling the Hollis Courier she had cut no jobs.",
     [("she had cut no jobs", "Lorna Vidal")]),
    ("Lorna Vidal won the room over, telling a joke about the harbour master.", []),
    ("Lorna Vidal walked out, telling nobody.", []),
]


@pytest.mark.parametrize("text,expected", TELLING)
def test_telling(text, expected):
    assert _indirect(text) == expected


SECOND_THAT = [
    ("Ruth Kessler said that the audit had found no fraud and that the accounts "
     "would be published in May.",
     [("the audit had found no fraud", "Ruth Kessler"),
      ("the accounts would be published in May", "Ruth Kessler")]),
]


@pytest.mark.parametrize("text,expected", SECOND_THAT)
def test_second_that(text, expected):
    assert _indirect(text) == expected


# "X did A and said B": the coordinated reporting verb is a cue of its own.
COORDINATED_CUE = [
    ("Lena Dorr said the plan was sound and added that nobody would miss the old depot.",
     [("the plan was sound", "Lena Dorr"),
      ("nobody would miss the old depot", "Lena Dorr")]),
    ("Lena Dorr called the tunnel “a scar” and said the council should fill it in by June.",
     [("the council should fill it in by June", "Lena Dorr")]),
]


# "X did A, then says B" / "X did A but has said B": a reporting verb no cue holds, with
# the opening subject (a name or he/she), not a possessor nor a phrase opener.
COORDINATED_VERB = [
    ("Odile Marchetti toured the depot on Friday, then says she will keep it open.",
     [("she will keep it open", "Odile Marchetti")]),
    ("Odile Marchetti has voiced doubts but has said the depot will stay open.",
     [("the depot will stay open", "Odile Marchetti")]),
    ("Odile Marchetti met the engineer who built the depot and has said it is sound.", []),
    ("Odile Marchetti and Ivo Brandt toured the depot, then said it would stay open.", []),
]


@pytest.mark.parametrize("text,expected", COORDINATED_VERB)
def test_coordinated_verb(text, expected):
    assert _indirect(text) == expected


@pytest.mark.parametrize("text,not_speaker", [
    ("Vantoria's port authority runs two depots and says it will sell one.", "Vantoria"),
    ("Beyond the depot, the council cut the budget and said the town would cope.", "Beyond"),
])
def test_coordinated_verb_never_gives_an_opener_as_speaker(text, not_speaker):
    assert all(speaker != not_speaker for _, speaker in _indirect(text))


@pytest.mark.parametrize("text,expected", COORDINATED_CUE)
def test_coordinated_cue(text, expected):
    assert _indirect(text) == expected


# "according to" a named person or a singular role opening or closing the sentence;
# never an organisation, a document or a survey.
ACCORDING_CUE = [
    ("The plant will close in May, according to Dana Whitcombe, the site manager.",
     [("The plant will close in May", "Dana Whitcombe")]),
    ("According to Dana Whitcombe, the plant will close in May.",
     [("the plant will close in May", "Dana Whitcombe")]),
    ("The plant will close in May, according to the company.", []),
    ("The plant will close in May, according to a report by the regional council.", []),
    ("According to Dana Whitcombe, the site manager, the plant will close.", []),
    ("The ferry will run all winter because, according to Dana Whitcombe, the council "
     "has no choice.", []),
]


@pytest.mark.parametrize("text,expected", ACCORDING_CUE)
def test_according_cue(text, expected):
    assert _indirect(text) == expected


def test_a_told_cue_ends_with_its_audience():
    text = "Rhea Castell told the Hollis Courier her bakery never closed on Sundays."
    [q] = extract_quotes(text)
    assert (q.cue, q.text) == ("Rhea Castell told the Hollis Courier",
                               "her bakery never closed on Sundays")


# A further "X said CLAUSE" after the passages found in the sentence.
LATER_CUE = [
    ("Grace Okafor said the night buses were always full, though she noted that fares had "
     "risen twice.",
     [("the night buses were always full", "Grace Okafor"),
      ("fares had risen twice", "Grace Okafor")]),
    ("Omar Haddad said the vote would be close — and he warned that turnout could be low.",
     [("the vote would be close", "Omar Haddad"), ("turnout could be low", "Omar Haddad")]),
]


@pytest.mark.parametrize("text,expected", LATER_CUE)
def test_later_cue(text, expected):
    assert _indirect(text) == expected


# "X called for NP": what X demanded; an appeal to someone ("called on Y to") and a
# thing's requirement ("the plan called for") are no passage.
APPEAL_CUE = [
    ("Nadia Brook called for a full inquiry into the contract.",
     [("a full inquiry into the contract", "Nadia Brook")]),
    ("Nadia Brook called on the council to publish the report.", []),
    ("The plan called for 200 new homes on the site.", []),
    ("Nadia Brook called the plan a disaster for the town.", []),
]


@pytest.mark.parametrize("text,expected", APPEAL_CUE)
def test_appeal_cue(text, expected):
    assert _indirect(text) == expected


# '“…,” X said, adding that CLAUSE': the quotation keeps its cue, the clause is X's.
AFTER_QUOTE = [
    ("“We are ready,” Sara Quinn said, adding that the team would travel to Leeds on Monday.",
     [("the team would travel to Leeds on Monday", "Sara Quinn")]),
    ("“We are ready,” Sara Quinn said, adding that the coach would say “more on Monday”.", []),
    ("“We are ready,” Sara Quinn said on Sunday night, adding that the team would rest.",
     [("the team would rest", "Sara Quinn")]),
]


@pytest.mark.parametrize("text,expected", AFTER_QUOTE)
def test_after_quote(text, expected):
    assert _indirect(text) == expected
