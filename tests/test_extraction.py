"""Quote extraction on small hand-written articles: spans, kinds, speakers, cues, dates.

Every expectation below was written by reading the article, not by running the
engine. Each article checks the complete list of extracted passages, so a missed
quote, a spurious one (a scare quote, a title) or a wrong speaker fails.
"""
from __future__ import annotations

import pytest

from api.extraction import ExtractedQuote, extract_quotes

SPORT = """Harbour City edge Northgate in five-goal thriller

Harbour City beat Northgate 3-2 on Saturday to move top of the table.

"We showed real character today," said coach Maria Lopez. "The players never stopped believing."

Lopez, 44, has won eight of her 10 games in charge. She said the club's new training centre had made "a huge difference" to the squad.

Northgate captain Tom Briggs was less happy. "It's a bad day," Briggs told reporters. "We gave away two soft goals and you can't do that at this level."

Briggs, nicknamed "the Hammer" by fans, scored twice. The striker added: "We will bounce back from this."
"""

BUSINESS = """Lumora profit jumps as chip demand surges

SAN JOSE (Wire) - Lumora Inc reported a 40% rise in quarterly profit on Tuesday, beating forecasts as demand for its data-centre chips soared.

“This was a record quarter by almost every measure,” Chief Executive Officer Dana Whitfield said on a call with analysts. “Demand continues to outstrip supply, and we expect that to last well into next year.”

Whitfield said the company would double its research budget. Shares rose 6% in after-hours trading.

Lumora said it would hire 500 engineers in Europe next year.

“The numbers are strong, but the valuation already assumes perfection,” said Raj Patel, an analyst at Crestline Securities.

The company also flagged risks. A spokesperson for the company said supply constraints could weigh on margins in the first half.

Lumora has been criticised for its “aggressive” pricing. Rivals have dubbed its flagship product “The Monster”.
"""

TECH = """Regulators question app maker over data practices

Officials at the Digital Markets Authority on Monday asked Brightpath to explain how it collects location data from users.

“We have serious concerns about what users are told and what actually happens,” the regulator said in a statement.

Brightpath’s chief privacy officer, Elena Sorokina, said the company complied with the law. “We welcome the chance to explain our approach,” she said, “and we are confident that we follow the rules.”

Ms. Sorokina added that the company had already removed an older feature known as “Nearby Friends”.

A senior official at the authority, who asked not to be named, said the inquiry could take months. “This is not a quick process,” the official said.
"""

POLITICS = """Senator vows to block spending bill

WASHINGTON - Senator James Holloway said on Wednesday he would block the spending bill unless it included new money for rural hospitals.

"I will not vote for a bill that leaves rural America behind," Holloway told reporters outside the Capitol.

The White House said the senator's demands were unrealistic.

Holloway, a Republican from Montana, has opposed similar bills before. In 2021 he called the measure "a blank cheque for bureaucrats".

"We are talking to everyone," White House press secretary Karen Mills said. "The president wants a deal, and he thinks one is possible."

Mills declined to say whether the president would meet Holloway.
"""

BRITISH = """Ministers urged to act on housing

The housing minister, Sarah Greene, has promised to speed up planning reforms.

'We cannot keep telling young people to wait,' she said. 'The system is broken and we will fix it.'

Critics were unconvinced. Paul Hart, director of the charity Shelter Now, said the plans were 'too little, too late'.

'The players' union backs us,' Mr Hart added, referring to a statement from footballers who have campaigned on the issue.
"""

MULTIPARA = """Veteran reflects on forty years at sea

Captain Ian Moray has spent four decades on trawlers. He spoke to us last week at the harbour.

"When I started, there were two hundred boats here. You knew every family.

"Now there are twelve. The young ones don't want the life, and I can't blame them.

"It's hard work and the money isn't there any more," he said.

Moray said he planned to retire in June.
"""

ANONYMOUS = """Talks on border deal resume

Negotiators from both countries met in Geneva on Thursday, a diplomat said.

“We are closer than we have been in years,” a senior European diplomat told reporters, speaking on condition of anonymity.

“But nothing is agreed until everything is agreed,” the diplomat added.

The European Commission said it welcomed the talks.
"""

HEADLINE = """Minister: ‘We Will Not Raise Taxes’ Before Election

Union rejects pay offer as 'insulting'

Finance Minister Anna Kowalski on Friday ruled out tax rises before the election.
"""

NESTED = """Judge rejects appeal

The judge, Margaret Osei, was blunt. “The defence called the evidence ‘circumstantial at best’, but the jury saw it differently,” she wrote in her ruling.

Osei dismissed the appeal as “without merit” and accused the defence of “wasting the court’s time”.
"""

COLON_INTRO = """Chief executive quits

In a letter to staff, chief executive Omar Haddad wrote:

“It has been an honour to lead this company. I leave it in good hands.”

The board thanked him for his service.
"""

FORWARD = """Ambassador defends trade policy

The ambassador said on Monday that tariffs were “a last resort, not a first choice”.

“We prefer dialogue,” Helen Cartwright said at a conference in Ottawa.
"""

TITLES = """Film festival opens

The festival opened with “Northern Lights”, a documentary by Lena Fischer. Critics have praised the so-called “slow cinema” movement.

“I wanted to show the silence of the north,” Fischer said of the film. She appeared on CBS’ “Face the Nation” last year.
"""

GUILLEMETS = """Paris mayor speaks

«Nous avons réussi», said the mayor, Claire Dubois, on Sunday.
"""

MARKETS = """Virus fears hit travel stocks

“I’ve never seen anything like it,” said Dr. Amara Singh, a virologist at Oxford University. “Frankly, it scares me,” Singh said.

“Demand is softening,” analysts at Morgan Stanley wrote in a note on Friday.

As one fund manager put it: “Nobody wants to be the last one holding airline shares.”

Musk tweeted: “Big news soon.” In a post on X, Elon Musk wrote that the deal was “on hold”.
"""

ARTICLES = {
    "markets": (MARKETS, "2024-03-18", [
        ("I’ve never seen anything like it,", "full", "Amara Singh", "person"),
        ("Frankly, it scares me,", "full", "Amara Singh", "person"),
        ("Demand is softening,", "full", "analysts at Morgan Stanley", "anonymous"),
        ("Nobody wants to be the last one holding airline shares.", "full", "fund manager",
         "anonymous"),
        ("Big news soon.", "full", "Elon Musk", "person"),
        ("on hold", "partial", "Elon Musk", "person"),
    ]),
    "sport": (SPORT, "2024-03-16", [
        ("We showed real character today,", "full", "Maria Lopez", "person"),
        ("The players never stopped believing.", "full", "Maria Lopez", "person"),
        ("the club's new training centre had made \"a huge difference\" to the squad", None, None, None),
        ("a huge difference", "partial", "Maria Lopez", "person"),
        ("It's a bad day,", "full", "Tom Briggs", "person"),
        ("We gave away two soft goals and you can't do that at this level.", "full", "Tom Briggs", "person"),
        ("We will bounce back from this.", "full", "Tom Briggs", "person"),
    ]),
    "business": (BUSINESS, "2024-03-13", [
        ("This was a record quarter by almost every measure,", "full", "Dana Whitfield", "person"),
        ("Demand continues to outstrip supply, and we expect that to last well into next year.",
         "full", "Dana Whitfield", "person"),
        ("the company would double its research budget", "indirect", "Dana Whitfield", "person"),
        ("it would hire 500 engineers in Europe next year", "indirect", "Lumora", "organization"),
        ("The numbers are strong, but the valuation already assumes perfection,", "full",
         "Raj Patel", "person"),
        ("supply constraints could weigh on margins in the first half", "indirect",
         "spokesperson for the company", "anonymous"),
    ]),
    "tech": (TECH, "2024-03-12", [
        ("We have serious concerns about what users are told and what actually happens,", "full",
         "Digital Markets Authority", "organization"),  # "the regulator": the authority named
        ("the company complied with the law", "indirect", "Elena Sorokina", "person"),
        ("We welcome the chance to explain our approach,", "full", "Elena Sorokina", "person"),
        ("and we are confident that we follow the rules.", "full", "Elena Sorokina", "person"),
        ("the inquiry could take months", "indirect", "senior official at the authority", "anonymous"),
        ("This is not a quick process,", "full", "senior official at the authority", "anonymous"),
    ]),
    "politics": (POLITICS, "2024-03-14", [
        ("he would block the spending bill unless it included new money for rural hospitals",
         "indirect", "James Holloway", "person"),
        ("I will not vote for a bill that leaves rural America behind,", "full", "James Holloway", "person"),
        ("the senator's demands were unrealistic", "indirect", "White House", "organization"),
        ("a blank cheque for bureaucrats", "partial", "James Holloway", "person"),
        ("We are talking to everyone,", "full", "Karen Mills", "person"),
        ("The president wants a deal, and he thinks one is possible.", "full", "Karen Mills", "person"),
    ]),
    "british": (BRITISH, "2024-03-14", [
        ("to speed up planning reforms", "indirect", "Sarah Greene", "person"),
        ("We cannot keep telling young people to wait,", "full", "Sarah Greene", "person"),
        ("The system is broken and we will fix it.", "full", "Sarah Greene", "person"),
        ("too little, too late", "partial", "Paul Hart", "person"),
        ("The players' union backs us,", "full", "Paul Hart", "person"),
    ]),
    "multipara": (MULTIPARA, "2024-03-14", [
        ("When I started, there were two hundred boats here. You knew every family.\n\n\"Now there"
         " are twelve. The young ones don't want the life, and I can't blame them.\n\n\"It's hard"
         " work and the money isn't there any more,", "full", "Ian Moray", "person"),
        ("he planned to retire in June", "indirect", "Ian Moray", "person"),
    ]),
    "anonymous": (ANONYMOUS, "2024-03-15", [
        ("Negotiators from both countries met in Geneva on Thursday", "indirect", "diplomat", "anonymous"),
        ("We are closer than we have been in years,", "full", "senior European diplomat", "anonymous"),
        ("But nothing is agreed until everything is agreed,", "full", "senior European diplomat",
         "anonymous"),
        ("it welcomed the talks", "indirect", "European Commission", "organization"),
    ]),
    "headline": (HEADLINE, "2024-03-15", [
        ("We Will Not Raise Taxes", "partial", "Anna Kowalski", None),  # the Finance Minister
        ("insulting", "partial", "Union", None),
    ]),
    "nested": (NESTED, "2024-03-15", [
        ("The defence called the evidence ‘circumstantial at best’, but the jury saw it differently,",
         "full", "Margaret Osei", "person"),
        ("without merit", "partial", "Margaret Osei", "person"),
        ("wasting the court’s time", "partial", "Margaret Osei", "person"),
    ]),
    "colon_intro": (COLON_INTRO, "2024-03-15", [
        ("It has been an honour to lead this company. I leave it in good hands.", "full",
         "Omar Haddad", "person"),
    ]),
    "forward": (FORWARD, "2024-03-15", [
        ("a last resort, not a first choice", "partial", "Helen Cartwright", "person"),
        ("We prefer dialogue,", "full", "Helen Cartwright", "person"),
    ]),
    "titles": (TITLES, "2024-03-15", [
        ("I wanted to show the silence of the north,", "full", "Lena Fischer", "person"),
    ]),
    "guillemets": (GUILLEMETS, "2024-03-15", [
        ("Nous avons réussi", "full", "Claire Dubois", "person"),
    ]),
}


def _run(name: str) -> tuple[str, list[ExtractedQuote]]:
    text, published, _ = ARTICLES[name]
    return text, extract_quotes(text, published=published)


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_passages(name):
    text, quotes = _run(name)
    expected = [e for e in ARTICLES[name][2] if e[1] is not None]
    got = [(q.text, q.kind, q.speaker.name if q.speaker else None) for q in quotes]
    assert got == [(t, k, s) for t, k, s, _ in expected]
    for q, (_, _, _, speaker_kind) in zip(quotes, expected):
        assert text[q.start:q.end] == q.text
        if speaker_kind is not None:
            assert q.speaker.kind == speaker_kind, q.text


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_not_extracted(name):
    """Passages listed with kind None must not be extracted (they hold a quotation)."""
    _, quotes = _run(name)
    texts = {q.text for q in quotes}
    for text, kind, _, _ in ARTICLES[name][2]:
        if kind is None:
            assert text not in texts


# (article, quote text prefix, field, expected)
DETAILS = [
    ("markets", "I’ve never", "role", "a virologist at Oxford University"),
    ("markets", "Demand is softening", "date", "2024-03-15"),
    ("markets", "Nobody wants", "cue", "one fund manager put it"),
    ("sport", "We showed", "cue", "said coach Maria Lopez"),
    ("sport", "We showed", "role", "coach"),
    ("sport", "a huge difference", "mention", "She"),
    ("sport", "It's a bad day", "cue", "Briggs told reporters"),
    ("sport", "It's a bad day", "role", "Northgate captain"),
    ("sport", "We will bounce", "mention", "The striker"),
    ("business", "This was a record", "role", "Chief Executive Officer"),
    ("business", "This was a record", "cue", "Chief Executive Officer Dana Whitfield said"),
    ("business", "The numbers are strong", "role", "an analyst at Crestline Securities"),
    ("business", "The numbers are strong", "cue", "said Raj Patel"),
    ("business", "the company would double", "mention", "Whitfield"),
    ("tech", "the company complied", "role", "Brightpath’s chief privacy officer"),
    ("tech", "and we are confident", "cue", "she said"),
    ("tech", "This is not a quick", "mention", "the official"),
    ("politics", "he would block", "date", "2024-03-13"),
    ("politics", "he would block", "date_basis", "relative"),
    ("politics", "he would block", "role", "Senator"),
    ("politics", "I will not vote", "cue", "Holloway told reporters outside the Capitol"),
    ("politics", "a blank cheque", "mention", "he"),
    ("politics", "We are talking", "role", "White House press secretary"),
    ("politics", "We are talking", "date_basis", "published"),
    ("british", "too little", "role", "director of the charity Shelter Now"),
    ("british", "The players' union", "cue", "Mr Hart added"),
    ("anonymous", "We are closer", "date", "2024-03-15"),
    ("anonymous", "We are closer", "cue", "a senior European diplomat told reporters"),
    ("anonymous", "But nothing", "mention", "the diplomat"),
    ("headline", "We Will Not", "cue", "Minister"),
    ("headline", "insulting", "cue", "Union rejects"),
    ("colon_intro", "It has been", "cue", "chief executive Omar Haddad wrote"),
    ("colon_intro", "It has been", "role", "chief executive"),
    ("forward", "a last resort", "date", "2024-03-11"),
    ("forward", "a last resort", "mention", "The ambassador"),
    ("forward", "We prefer", "role", "The ambassador"),
    ("guillemets", "Nous avons", "date", "2024-03-10"),
    ("guillemets", "Nous avons", "role", "the mayor"),
    ("nested", "without merit", "cue", "Osei dismissed"),
]


@pytest.mark.parametrize("name,prefix,field,expected", DETAILS)
def test_article_details(name, prefix, field, expected):
    text, quotes = _run(name)
    matches = [q for q in quotes if q.text.startswith(prefix)]
    assert len(matches) == 1, [q.text for q in quotes]
    q = matches[0]
    if field in ("role", "mention"):
        value = getattr(q.speaker, field)
    else:
        value = getattr(q, field)
    assert value == expected
    if field == "cue":
        assert text[q.cue_start:q.cue_end] == q.cue


SNIPPETS = [
    # (text, published, [(quote text, kind, speaker)])
    ('"Prices will rise," the bank said.', None, [("Prices will rise,", "full", "bank")]),
    ("“It works,” says Ada Byron. “It always did.”", None,
     [("It works,", "full", "Ada Byron"), ("It always did.", "full", "Ada Byron")]),
    ("Kim Lee told the BBC: “We are ready.”", None, [("We are ready.", "full", "Kim Lee")]),
    ("The deal is “a game-changer for the region”, according to Paul Ng.", None,
     [("a game-changer for the region", "partial", "Paul Ng")]),
    ("Anna Berg warned that the plan was “reckless”.", None, [("reckless", "partial", "Anna Berg")]),
    ("“Never,” Tom Hale replied when asked about a comeback.", None, [("Never,", "full", "Tom Hale")]),
    ("He held a so-called “working-level” meeting.", None, []),
    ("They held a “working-level” call with officials.", None, []),
    ("The album “Blue Hours” sold well.", None, []),
    ("Rock ’n’ roll fans in the ’90s loved CBS’ shows and Don’t Stop.", None, []),
    ("Sam Ode said: \"Straight quotes work too.\"", None,
     [("Straight quotes work too.", "full", "Sam Ode")]),
    ("“Unclosed quote runs on, said Ana Diaz.\n\nNext paragraph has no marks at all.", None,
     [("Unclosed quote runs on, said Ana Diaz.", "full", None)]),
    ("A stray closing mark” here, then “a proper quote of some length,” said Li Wei.", None,
     [("a proper quote of some length,", "partial", "Li Wei")]),
    ("Its founder, Rosa Vidal, said: “We started in a garage.”", None,
     [("We started in a garage.", "full", "Rosa Vidal")]),
    ("Mayor Tom Reyes spoke first. “The budget is fair,” the diplomat said, speaking on "
     "condition of anonymity.", None, [("The budget is fair,", "full", "diplomat")]),
    ("A neighbour who did not want to be named said the street had been “on edge” for weeks.",
     None, [("on edge", "partial", "neighbour")]),
    ("Coach: defence was ‘the best in years’\n\nGary Fox praised his side.", None,
     [("the best in years", "partial", "Coach")]),
    ("Ines Roy explained what had gone wrong: the server crashed.", None, []),
    ("Rosa Diaz claimed the title on Sunday after a long final.", None, []),
    ("Tim Cole added a new feature to the app last year.", None, []),
    ("Tim Cole added the feature would ship next year.", None,
     [("the feature would ship next year", "indirect", "Tim Cole")]),
    ("The agency said in a report that prices were “far too high”, and that wages had stalled "
     "for a decade.", None, [("far too high", "partial", "agency"),
                             ("wages had stalled for a decade", "indirect", "agency")]),
    ("“Fine,” Ben Ode said, and left. Kate Lin stayed on. “We agreed on nothing,” she said.",
     None, [("Fine,", "full", "Ben Ode"), ("We agreed on nothing,", "full", "Kate Lin")]),
    ("Passing sentence, the judge spoke. “You showed no remorse,” she said.", None,
     [("You showed no remorse,", "full", None)]),
    # a short fragment after an active reporting verb is speech, speaker or not
    ("Union leaders have warned of “chaos” at the depot.", None, [("chaos", "partial", None)]),
    ("Critics have long argued that the toll is an “unfair” tax on commuters.", None,
     [("unfair", "partial", "Critics")]),
    ("The toll has been criticised as an “unfair” tax on commuters.", None, []),
    ("Drivers paid an “unfair” toll on the bridge.", None, []),
    # verbs that report or judge words count too ("mock" is also a cue: the coach said it);
    # "been" + -ing is active
    ("The coach has been mocking the league for its “sleepy” schedule.", None,
     [("sleepy", "partial", "coach")]),
    ("Fans spent the night chanting “one more year” outside the arena.", None,
     [("one more year", "partial", None)]),
    ("Ines Roy was praised for a “steady hand” during the crisis.", None, []),
    ("Funds go to a scheme the town is calling “Warm Homes,” which starts in May.", None, []),
    # "called" with a person for subject reports words; after a noun it names a thing
    ("Mayor Ana Ruiz backed the levy, which she called “a fair price.”", None,
     [("a fair price.", "partial", "Ana Ruiz")]),
    ("They watched a film called “Paper Moon” last night.", None, []),
    # after "as" a short fragment judges (speech), unless "such as" or a Title Case name
    ("Colleagues summed her up as “tireless,” even in defeat.", None, [("tireless,", "partial", None)]),
    ("The menu lists dishes such as “hot pot” and noodles.", None, []),
    ("The app was sold to schools as “Study Buddy” last year.", None, []),
    # "calls" after its subject is a verb; the noun is not
    ("Anyone who calls the deal a “sweetheart” bargain has not read it.", None,
     [("sweetheart", "partial", None)]),
    ("The calls for a “fresh look” grew louder.", None, []),
    # words quoted as words; "call" after its subject; likened/compared report words too
    ("Both camps have used the phrase “fair share” all week.", None, [("fair share", "partial", None)]),
    ("Neighbours call them “night owls” and shrug.", None, [("night owls", "partial", None)]),
    ("One critic likened the plan to “moving deckchairs” on a ship.", None,
     [("moving deckchairs", "partial", None)]),
    ("A call for “calm heads” went out.", None, []),
    ("The coach rarely smiles and calls referees “clowns” after every loss.", None,
     [("clowns", "partial", None)]),
    # a noun of speech before the fragment reports words too
    ("Tenants disputed the landlord's claim that rents were “fair enough.”", None,
     [("fair enough.", "partial", None)]),
    # an exclamation in Title Case is no name; a verb closely after an opening quotation counts
    ("The crowd kept chanting “Go Blue!” until midnight.", None, [("Go Blue!", "partial", None)]),
    ("“Not again,” the weary shopkeepers said.", None, [("Not again,", "full", None)]),
    # in a Title Case headline capitals cannot tell a title from quoted words; the name
    # opening the headline before its reporting verb is the speaker (headlines.py)
    ("Harbour Board Calls Ferry Cuts ‘A Gamble’ Ahead of Vote\n\nThe board met on Monday.", None,
     [("A Gamble", "partial", "Harbour Board")]),
    ("Harbour Board Calls Ferry Cuts ‘A Gamble’ Ahead of Vote\n\nFans queued for ‘Blue Tide’ tickets.",
     None, [("A Gamble", "partial", "Harbour Board")]),
    # a paragraph that is only a short Title Case quotation is a subheading
    ("“We rebuild every spring,” said Tomas Wirth.\n\n“Nothing Left to Lose.”\n\nThe river rose again.",
     None, [("We rebuild every spring,", "full", "Tomas Wirth")]),
    ("“We rebuild every spring,” said Tomas Wirth.\n\n‘A hard winter.’\n\nThe river rose again.",
     None, [("We rebuild every spring,", "full", "Tomas Wirth")]),
    # a Title Case name after a possessive or on/of/in/with is a title, comma or period inside
    ("Ruth Adler appeared on KXT’s “Good Morning With Dan Wells,” before flying home.", None, []),
    ("Ruth Adler was a guest of “Good Morning With Dan Wells.” She left early.", None, []),
    ("Ruth Adler starred in “Blue Harbour Nights,” and “The Long Red Summer,” before 2010.",
     None, []),
    ("Ruth Adler called the merger “Dead On Arrival.”", None,
     [("Dead On Arrival.", "partial", "Ruth Adler")]),
]


@pytest.mark.parametrize("text,published,expected", SNIPPETS)
def test_snippets(text, published, expected):
    quotes = extract_quotes(text, published=published)
    got = [(q.text, q.kind, q.speaker.name if q.speaker else None) for q in quotes]
    assert got == expected
    for q in quotes:
        assert text[q.start:q.end] == q.text


DATES = [
    ("“Yes,” Ann Cole said on Tuesday.", "2024-03-14", "2024-03-12", "relative"),
    ("“Yes,” Ann Cole said on Thursday.", "2024-03-14", "2024-03-14", "relative"),
    ("“Yes,” Ann Cole said yesterday.", "2024-03-14", "2024-03-13", "relative"),
    ("“Yes,” Ann Cole said last week.", "2024-03-14", "2024-03-07", "relative"),
    ("“Yes,” Ann Cole said on June 5, 2023.", "2024-03-14", "2023-06-05", "stated"),
    ("“Yes,” Ann Cole said on May 1.", "2024-03-14", "2023-05-01", "stated"),
    ("“Yes,” Ann Cole said on March 1.", "2024-03-14", "2024-03-01", "stated"),
    ("“Yes,” Ann Cole said.", "2024-03-14", "2024-03-14", "published"),
    ("“Yes,” Ann Cole said.", None, None, None),
    ("“Yes,” Ann Cole said on Tuesday.", None, None, None),
    ("“Yes,” Ann Cole said on 5 June 2023.", None, "2023-06-05", "stated"),
    ("“Yes,” Ann Cole said.", "not-a-date", None, None),
]


@pytest.mark.parametrize("text,published,date,basis", DATES)
def test_dates(text, published, date, basis):
    (q,) = extract_quotes(text, published=published)
    assert (q.date, q.date_basis) == (date, basis)


@pytest.mark.parametrize("text, date, basis, precision", [
    ("In August, Mayor Ana Lopez said, “We will rebuild the bridge.”", "2024-08-01", "stated", "month"),
    ("On August 14, Mayor Ana Lopez said, “We will rebuild the bridge.”", "2024-08-14", "stated", "day"),
    ("“We will rebuild the bridge,” Mayor Ana Lopez said on Monday.", "2024-09-16", "relative", "day"),
    ("“We will rebuild the bridge,” Mayor Ana Lopez said.", "2024-09-20", "published", "day"),
])
def test_a_month_alone_is_dated_its_first_day_with_month_precision(text, date, basis, precision):
    [quote] = extract_quotes(text, published="2024-09-20")
    assert (quote.date, quote.date_basis, quote.date_precision) == (date, basis, precision)
