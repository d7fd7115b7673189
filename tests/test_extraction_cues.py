"""The cue sieve (api/extraction/sieve.py) on short hand-written texts, one table per rule.

Each row is (text, quote prefix, expected speaker name or None). The texts are invented.
"""
from __future__ import annotations

import pytest

from api.extraction import extract_quotes


def _speaker_name(text: str, prefix: str):
    found = [q for q in extract_quotes(text, "2024-05-02") if q.text.startswith(prefix)]
    assert found, f"no quote starting {prefix!r}"
    return found[0].speaker.name if found[0].speaker is not None else None


# Rule 1: a quotation inside a claim the sentence disputes or ascribes belongs to the claim's
# maker, or to nobody; the one who reports or denies it keeps only their own words.
CLAIM = [
    ("Mayor Dana Lee dismissed “baseless rumours” that “the plant will close” next year.",
     "baseless rumours", "Dana Lee"),
    ("Mayor Dana Lee dismissed “baseless rumours” that “the plant will close” next year.",
     "the plant will close", None),
    ("Plant manager Ivo Berg denied claims by the Harbour Workers Union that “jobs are at risk”.",
     "jobs are at risk", "Harbour Workers Union"),
    ("Senator Ruth Okoye rejected Paul Varga’s claim that “the budget is balanced” on Friday.",
     "the budget is balanced", "Paul Varga"),
    ("Minister Sven Aho said critics had spread “false claims” that “the dam is unsafe” or that "
     "it was built as a “gift to donors”.", "the dam is unsafe", None),
    ("Minister Sven Aho said critics had spread “false claims” that “the dam is unsafe” or that "
     "it was built as a “gift to donors”.", "gift to donors", None),
    ("Minister Sven Aho said critics had spread “false claims” that “the dam is unsafe” or that "
     "it was built as a “gift to donors”.", "false claims", "Sven Aho"),
    # notions, ideas, reports, charges and criticism disputed in other words than "denied"
    ("Mayor Dana Lee rejected the notion that the ferry was “a luxury” for tourists.",
     "a luxury", None),
    ("Mayor Dana Lee dismissed reports that the ferry was “running at a loss.”",
     "running at a loss", None),
    ("Mayor Dana Lee scoffed at charges that she was “hostile to cyclists.”",
     "hostile to cyclists", None),
    ("Mayor Dana Lee brushed off criticism that the ferry was “a vanity project.”",
     "a vanity project", None),
    ("Mayor Dana Lee pushed back on the idea that the fare was “too high” for pensioners.",
     "too high", None),
    # the subject's own claim, and a speech verb after the claim, keep the subject
    ("Coach Mia Storm said her claim that “the referee was biased” still stood after the match.",
     "the referee was biased", "Mia Storm"),
    ("Governor Tim Bale denied the rumours that the port would close, and said “we are hiring.”",
     "we are hiring", "Tim Bale"),
]


@pytest.mark.parametrize("text,prefix,name", CLAIM)
def test_quotation_inside_a_claim(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# find_cues: a participle or progressive with no cue before it in its sentence takes the
# subject opening the sentence, also after a leading adverbial ("At a rally in Leeds, …").
PARTICIPLE_SUBJECT = [
    ("Councillor Ada Brink attacked the budget, calling it “a betrayal of every renter”.",
     "a betrayal", "Ada Brink"),
    ("Farmer Joel Haas is telling neighbours that “the river has never been this low.”",
     "the river has", "Joel Haas"),
    ("At a rally in Leeds, Omar Tahir praised the volunteers, describing them as "
     "“the backbone of this campaign”.", "the backbone", "Omar Tahir"),
    # a compound subject is no single speaker
    ("Omar Tahir and Ada Brink toured the site, describing it as “a ruin that nobody will ever rebuild”.",
     "a ruin", None),
]


@pytest.mark.parametrize("text,prefix,name", PARTICIPLE_SUBJECT)
def test_participle_takes_the_opening_subject(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# Sieve rule 4: a comma-introduced cue later in the sentence, also for an embedded quotation.
LATER = [
    ("The budget “leaves the north behind” once again, said economist Lena Ortiz.",
     "leaves the north", "Lena Ortiz"),
    ("Turnout “was the highest in decades” in the eastern wards, council leader Raj Patel said.",
     "was the highest", "Raj Patel"),
]


@pytest.mark.parametrize("text,prefix,name", LATER)
def test_later_comma_cue(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# A party-and-state tag between a name and its verb or appositive does not hide the name.
PARTY_TAG = [
    ("“We will not fold,” Sen. Mara Quill (D-Ore.) said on Tuesday.", "We will not fold",
     "Mara Quill"),
    ("Rep. Hal Dunning (R-Texas), chair of the panel, said the bill was “dead on arrival.”",
     "dead on arrival", "Hal Dunning"),
    ("Sen. Ida Brook (I-Vt.) told reporters that she “would vote against it every time.”",
     "would vote against", "Ida Brook"),
    ("Attorney General Rosa Vane (D), the governor's rival, called for the tapes to be "
     "released, saying openness “builds trust in every neighbourhood.”", "builds trust",
     "Rosa Vane"),
]


@pytest.mark.parametrize("text,prefix,name", PARTY_TAG)
def test_party_tag_after_a_name(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# Speech verbs beyond say and tell.
VERBS = [
    ("“We were never consulted,” sighed Nora Flint, who runs the ferry café.",
     "We were never consulted", "Nora Flint"),
    ("“The figures are a fiction,” Councillor Abe Ronson repeated on Monday.",
     "The figures are a fiction", "Abe Ronson"),
    ("Union leader Kofi Mensah denounced the deal as “a surrender dressed up as progress.”",
     "a surrender dressed", "Kofi Mensah"),
    ("“Nobody reads the small print anymore,” mused author Greta Lind.",
     "Nobody reads the small print", "Greta Lind"),
    ("“The water came in through the floor.” Rosa Imre, a baker who lost her shop, spoke from "
     "a school gym on Sunday.", "The water came in", "Rosa Imre"),
    ("Mayor Ines Soto thanked the crews for “working through the night to keep us safe.”",
     "working through the night", "Ines Soto"),
]


@pytest.mark.parametrize("text,prefix,name", VERBS)
def test_more_speech_verbs(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# Sieve rule 8: a headline "X: ‘…’", also when the first line ends with a period.
HEADLINE = [
    ("Okafor: ‘We Will Carry This Fight To The Final Vote.’\n\nThe senator spoke in Dayton on "
     "Friday before a crowd of several hundred supporters.", "We Will Carry", "Okafor"),
    ("Governor Lisa Crane: Budget ‘Will Not Raise A Single Tax.’\n\nThe governor presented the "
     "plan to lawmakers on Monday.", "Will Not Raise", "Lisa Crane"),
]


@pytest.mark.parametrize("text,prefix,name", HEADLINE)
def test_headline_speaker(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# Sieve rule 11: a quotation sentence with no cue takes the reporting verb's speaker in the
# previous sentence of its paragraph; a news outlet's "reported" is no such speaker.
PREVIOUS_SENTENCE = [
    ("Mayor Tessa Grund said the bridge would reopen in June. “We owe the commuters that much, "
     "and we will deliver.”", "We owe the commuters", "Tessa Grund"),
    ("The ferry left port at dawn, the Coastal Herald reported. “We had no warning at all "
     "before the storm arrived.”", "We had no warning", None),
]


@pytest.mark.parametrize("text,prefix,name", PREVIOUS_SENTENCE)
def test_previous_sentence_speaker(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# The opening subject of a carried verb must be followed by a predicate that starts with a
# verb: a sentence opener ("Holding signs …,") or a name cut short is no subject.
OPENING_SUBJECT_GUARD = [
    ("Holding banners outside the depot, strikers kept up a chant, calling the offer “an "
     "insult to every driver here”.", "an insult", None),
    ("Instead, Governor Pia Lund pressed ahead, calling the ruling “a gift to polluters "
     "across the state”.", "a gift to polluters", "Pia Lund"),
]


@pytest.mark.parametrize("text,prefix,name", OPENING_SUBJECT_GUARD)
def test_opening_subject_guard(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# Sieve rule 3: a name signed with a dash after the closing mark, ending the paragraph.
SIGNATURE = [
    ("Readers wrote in after the debate.\n\n“He never answered a single question about rent.” "
     "― Marta Ilves\n\n“Clear winner tonight, no contest at all.” — Tomas Birk, 41, a welder",
     "He never answered", "Marta Ilves"),
    ("Readers wrote in after the debate.\n\n“He never answered a single question about rent.” "
     "― Marta Ilves\n\n“Clear winner tonight, no contest at all.” — Tomas Birk, 41, a welder",
     "Clear winner tonight", "Tomas Birk"),
    ("“He never answered a single question about rent.” ― Marta Ilves\n“Clear winner tonight, "
     "no contest at all.” ― Tomas Birk\u00a0\n", "Clear winner tonight", "Tomas Birk"),
]


@pytest.mark.parametrize("text,prefix,name", SIGNATURE)
def test_dash_signature(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# A speaker named after the verb must end the clause (or go on with an appositive or a
# preposition), also right after a quotation: a phrase cut short is no speaker; a possessive
# before a speech noun ("Varga’s comments") is no cue.
CUT_SHORT = [
    ("“We are not worried,” said Mayor Ruth Kell’s chief of staff, Ian Boyd.",
     "We are not worried", "Ian Boyd"),
    ("“The numbers hold up,” wrote Nils Aberg for the Harbour Review.", "The numbers hold up",
     "Nils Aberg"),
    ("Mayor Ivo Varga’s comments that the port “will never close under my watch” drew "
     "applause.", "will never close", None),
]


@pytest.mark.parametrize("text,prefix,name", CUT_SHORT)
def test_speaker_after_the_verb_ends_the_clause(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# Sieve rule 2 also passes a determiner and adjectives before the name after the quotation,
# but not a conjunction ("…,” when Lund said).
BESIDE_ADJECTIVES = [
    ("“We did not discuss money at all,” a smiling Ana Lund said on Monday.",
     "We did not discuss", "Ana Lund"),
    ("“The vote was never in doubt,” an exhausted Mayor Tom Reyes said after midnight.",
     "The vote was never", "Tom Reyes"),
    ("The clip shows Ada Brink saying “We will build it anyway,” when Tom Reyes said the "
     "plan was dead.", "We will build it", "Ada Brink"),
]


@pytest.mark.parametrize("text,prefix,name", BESIDE_ADJECTIVES)
def test_adjectives_before_the_name(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# "he’s claiming" is a contraction, not a possessive; "said X (…)" ends X at the bracket.
CONTRACTIONS = [
    ("Senator Omar Vance spoke in Leeds. He’s claiming that the count was “rigged from the very "
     "start.”", "rigged from the very", "Omar Vance"),
    ("Raising the tax now “is a mistake we will regret,” said economist Lea Marsh (a view "
     "shared by most of her peers).", "is a mistake", "Lea Marsh"),
]


@pytest.mark.parametrize("text,prefix,name", CONTRACTIONS)
def test_contraction_and_bracket(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# A subject with an appositive between commas: the name before it, or the name inside it after
# a description ("The harbour master, Piet Claes, said"); a title after "the" after the verb.
APPOSITIVE_SUBJECT = [
    ("Dr. Ife Okonkwo trained pilots for years. “I never expected to fly again,” Mr. Okonkwo, "
     "a retired astronaut, said in an interview.", "I never expected", "Ife Okonkwo"),
    ("The harbour master, Piet Claes, put it bluntly: “The port cannot take more ships.”",
     "The port cannot", "Piet Claes"),
    ("The club’s new coach, Ines Berg, said the squad was “hungrier than ever”.",
     "hungrier than ever", "Ines Berg"),
    ("“We must forgive one another,” said the Rev. Samuel Adeyemi.", "We must forgive",
     "Samuel Adeyemi"),
]


@pytest.mark.parametrize("text,prefix,name", APPOSITIVE_SUBJECT)
def test_appositive_subject(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# More subjects hidden from the mention parser: several appositives, a party tag and comma,
# an adverb before the verb, an appositive between dashes.
HIDDEN_SUBJECT = [
    ("“We are ready,” Ottilie Varga, executive director of the Harbour Fund, a local "
     "charity, said.", "We are ready", "Ottilie Varga"),
    ("“We are ready,” Berit Holm, 67, a retired nurse in Allentown, Pa., said in an "
     "interview.", "We are ready", "Berit Holm"),
    ("Jo Sims — a baker from Hollis Green — says the vote was “a wake-up call for the "
     "county.”", "a wake-up call", "Jo Sims"),
    ("“We are ready,” Gov. Alma Reyes (R-OH), said on Tuesday.", "We are ready", "Alma Reyes"),
    ("''Their plan is clear: to look like a newsroom,'' Ola Dunn, a fellow at the Keller "
     "Institute and a former envoy to Chile, said of the network.", "Their plan is clear",
     "Ola Dunn"),
    ("Minister Ola Carter however said she would welcome a “stronger partnership with the "
     "port.”", "stronger partnership", "Ola Carter"),
    ("Speaking at the depot on Friday, union organiser Mia Dahl said the offer was “an insult "
     "to every driver.”", "an insult", "Mia Dahl"),
]


@pytest.mark.parametrize("text,prefix,name", HIDDEN_SUBJECT)
def test_hidden_subject(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# "according to a note from X on Thursday": a time may follow the source; "a statement
# posted on its website" is the document, not a speaker; "Among …," opens a sentence.
DOCUMENTS = [
    ("“Shipping rates have peaked for this cycle,” according to a note from Keller & Voss on "
     "Thursday.", "Shipping rates", "Keller & Voss"),
    ("The Harbour Union said in a statement posted on its website that members had walked out "
     "“to protect their families”.", "to protect their", "Harbour Union"),
]


@pytest.mark.parametrize("text,prefix,name", DOCUMENTS)
def test_documents_and_sources(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# A speech verb's form after a determiner or a possessive is a noun, not a cue: the sentence's
# own reporting verb keeps the quotation.
NOUN_FORMS = [
    ('Analysts at Brook Lane said the warning was "disappointing but not surprising".',
     "disappointing but", "Analysts at Brook Lane"),
    ("Piet Ansel said her warnings sounded “far too gloomy” to him.",
     "far too gloomy", "Piet Ansel"),
    ("Nadia Orlov said his remarks were “a gift to our opponents.”",
     "a gift to our", "Nadia Orlov"),
]


@pytest.mark.parametrize("text,prefix,name", NOUN_FORMS)
def test_a_speech_noun_after_a_determiner_is_no_cue(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# A description, then a role and a name between commas: the name speaks.
DESCRIBED_NAME = [
    ("Her husband, retired judge Tomas Brill, told the Courier: “She never stops.”",
     "She never stops", "Tomas Brill"),
    ("The bakery's founder, pastry chef Ines Varga, said: “Butter is the secret.”",
     "Butter is the secret", "Ines Varga"),
]


@pytest.mark.parametrize("text,prefix,name", DESCRIBED_NAME)
def test_a_description_with_a_named_appositive_gives_the_name(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# Rule 2: a reporting verb beside the quotation whose described subject cannot be read leaves
# the speaker null; the paragraph before does not lend its speaker.
UNREAD_BESIDE = [
    ("Ivo Sandor won the race. “I trained all winter,” Sandor said.\n\n"
     "“It was never close,” the 45-year-old runner-up said of the sprint.",
     "It was never close", None),
    ("Ivo Sandor won the race. “I trained all winter,” Sandor said.\n\n"
     "“It was never close,” he said.", "It was never close", "Ivo Sandor"),
    ("Ivo Sandor won the race. “I trained all winter,” Sandor said.\n\n"
     "“Nobody saw it coming,” said one veteran steward, who asked not to be named.",
     "Nobody saw it coming", None),
    ("Ivo Sandor won the race. “I trained all winter,” Sandor said.\n\n"
     "Sandor called the course “brutal,” described the last climb as “hell” and left.",
     "brutal", "Ivo Sandor"),
]


@pytest.mark.parametrize("text,prefix,name", UNREAD_BESIDE)
def test_an_unread_subject_beside_the_quotation_is_a_null_speaker(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# speakers.by_office: an office written with a capital that no one in the article holds is
# not the person who spoke before; one the article gave that office is.
OFFICES = [
    ("Tom Hale spoke first. The Chancellor said: “We have a plan.”", "We have a plan",
     "Chancellor"),
    ("Tom Hale spoke first. “The roads come first,” the Governor said.", "The roads come first",
     "Governor"),
    ("Chancellor Rachel Hale spoke first. Tom Ruiz agreed. The Chancellor said: “We have a "
     "plan.”", "We have a plan", "Rachel Hale"),
]


@pytest.mark.parametrize("text,prefix,name", OFFICES)
def test_an_office_no_one_holds_is_nobody_named(text, prefix, name):
    assert _speaker_name(text, prefix) == name


# British parliamentary roles are roles ("one senior backbencher", "a Labour peer"), and a party
# named Labour (or Labor) speaks as an organisation.
PARLIAMENT = [
    ("Tom Hale spoke first. “This is wrong,” said one senior backbencher.", "This is wrong",
     "senior backbencher"),
    ("Tom Hale spoke first. “This is wrong,” a Labour peer said.", "This is wrong",
     "Labour peer"),
    ("Tom Hale spoke first. Labour said the plans were “cruel”.", "cruel", "Labour"),
    ("Tom Hale spoke first. “It is cruel,” Labor said in Canberra.", "It is cruel", "Labor"),
    ("Tom Hale spoke first. “It is cruel,” Labour Secretary Ann Ruiz said.", "It is cruel",
     "Ann Ruiz"),
]


@pytest.mark.parametrize("text,prefix,name", PARLIAMENT)
def test_parliamentary_roles(text, prefix, name):
    assert _speaker_name(text, prefix) == name
