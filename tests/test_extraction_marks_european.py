"""European quotation marks pair with exact spans (issue #18, item 4).

Each expected span was written by hand from the sentence, not produced by the engine.
"""
import pytest

from api.extraction import extract_quotes
from api.extraction.marks import find_quote_spans

NBSP, NNBSP = "\u00a0", "\u202f"

CASES = [
    # French: guillemets with the spaces French puts inside, plain, no-break or narrow.
    ("fr", "« Nous gagnerons », a déclaré la maire.", ["Nous gagnerons"]),
    ("fr", f"«{NBSP}Nous gagnerons{NBSP}», a déclaré la maire.", ["Nous gagnerons"]),
    ("fr", f"«{NNBSP}La ville est prête{NNBSP}!{NNBSP}», dit-il.", [f"La ville est prête{NNBSP}!"]),
    ("fr", "Elle a répondu «non» puis elle est partie.", ["non"]),
    # French nesting: English-style marks inside guillemets belong to the outer quotation.
    ("fr", "« Il m'a dit “ jamais ” hier », raconte Paul.", ["Il m'a dit “ jamais ” hier"]),
    # A nested quotation left open ends with its outer one.
    ("fr", "« Il a dit “ jamais hier », raconte Paul.", ["Il a dit “ jamais hier"]),
    # Spanish and Italian.
    ("es", "«Vamos a ganar», dijo la alcaldesa.", ["Vamos a ganar"]),
    ("es", "«Me dijo “mañana” otra vez», contó Ana.", ["Me dijo “mañana” otra vez"]),
    ("it", "«Non abbiamo paura», ha detto il sindaco.", ["Non abbiamo paura"]),
    # German: „ “, reversed guillemets » «, single ‚ ‘ and › ‹, nested.
    ("de", "„Wir schaffen das“, sagte die Ministerin.", ["Wir schaffen das"]),
    ("de", "Er sagte: »Das Haus ist alt.« Dann ging er.", ["Das Haus ist alt."]),
    ("de", "Sie nannte es ‚unnötig‘ und ging.", ["unnötig"]),
    ("de", "„Er rief ‚Halt!‘ und lief weg“, sagte sie.", ["Er rief ‚Halt!‘ und lief weg"]),
    ("de", "»Er rief ›Halt!‹ und lief weg«, sagte sie.", ["Er rief ›Halt!‹ und lief weg"]),
    # Polish: „ ”, with «» nested inside.
    ("pl", "„Nie wiem”, powiedział burmistrz.", ["Nie wiem"]),
    ("pl", "„Powiedział «nie» wczoraj”, dodała.", ["Powiedział «nie» wczoraj"]),
    # Danish: » « and › ‹.
    ("da", "»Vi vinder valget«, sagde borgmesteren.", ["Vi vinder valget"]),
    ("da", "Han kaldte det ›en fejl‹ i går.", ["en fejl"]),
    # Two quotations in one sentence.
    ("fr", "« Oui », dit-elle, « mais pas demain ».", ["Oui", "mais pas demain"]),
    # A quotation running over two paragraphs, reopened by a mark, as in English.
    ("fr", "« Le premier point est réglé.\n\n« Le second ne l'est pas », a-t-il dit.",
     ["Le premier point est réglé.\n\n« Le second ne l'est pas"]),
    ("de", "»Der erste Punkt ist klar.\n\n»Der zweite nicht«, sagte er.",
     ["Der erste Punkt ist klar.\n\n»Der zweite nicht"]),
    # A closing » alone, after a space, opens nothing.
    ("fr", "Le mot » reste seul ici.", []),
    # Single guillemets with the spaces inside (French), or without them (Swiss).
    ("fr", f"Il a dit ‹{NNBSP}non{NNBSP}› hier.", ["non"]),
    ("fr", "Il a dit ‹ non merci › hier.", ["non merci"]),
    ("de", "«Das ist ‹ein Fehler› gewesen», sagte sie.", ["Das ist ‹ein Fehler› gewesen"]),
    ("de", "Er nannte es ‹einen Fehler› und ging.", ["einen Fehler"]),
    # Dutch, Czech, Russian.
    ("nl", "„Ik weet het niet”, zei hij. Ze zei ‚nee’ tegen hem.", ["Ik weet het niet", "nee"]),
    ("cs", "Ona řekla: „To je konec.“", ["To je konec."]),
    ("ru", "«Мы победим», — сказал мэр.", ["Мы победим"]),
]


# Offsets counted by hand: the span lies between the marks, the spaces inside left out.
@pytest.mark.parametrize("text, spans", [
    ("« Nous gagnerons », a-t-elle dit.", [(2, 16)]),
    (f"«{NNBSP}Oui{NNBSP}» puis «{NBSP}non{NBSP}».", [(2, 5), (15, 18)]),
    ("„Ja“, sagte er, „nein“.", [(1, 3), (17, 21)]),
    ("»Ja«, sagte er.", [(1, 3)]),
    ("Il a dit ‹ non › hier.", [(11, 14)]),
])
def test_european_span_offsets(text, spans):
    assert [(s.start, s.end) for s in find_quote_spans(text)] == spans


# Swedish and Finnish close with the opening mark, read so only when the text is theirs.
@pytest.mark.parametrize("lang, text, expected", [
    ("sv", "”Vi vinner valet”, sa borgmästaren.", ["Vi vinner valet"]),
    ("sv", "»Vi vinner valet», sa borgmästaren.", ["Vi vinner valet"]),
    ("sv", "Hon sa ”nej” och gick.", ["nej"]),
    ("fi", "Hän sanoi: ”Me voitamme.”", ["Me voitamme."]),
    (None, "”Vi vinner valet”, sa borgmästaren.", []),
    ("de", "»Der erste«, sagte er.", ["Der erste"]),
])
def test_same_mark_conventions(lang, text, expected):
    assert [text[s.start:s.end] for s in find_quote_spans(text, lang)] == expected


@pytest.mark.parametrize("lang,text,expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_european_spans(lang, text, expected):
    assert [text[s.start:s.end] for s in find_quote_spans(text)] == expected


# Whether a quotation is speech is still judged from English cues (a long quotation
# introduced by a colon passes); when it is kept, its text is the span without the spaces.
@pytest.mark.parametrize("text,expected", [
    ("Elle a ajouté : « La ville est prête et nous le savons depuis longtemps ».",
     "La ville est prête et nous le savons depuis longtemps"),
    ("Il sindaco ha detto: «Non abbiamo paura di nessuno in questa città».",
     "Non abbiamo paura di nessuno in questa città"),
])
def test_extract_quotes_uses_the_span(text, expected):
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == [expected]
    assert text[quotes[0].start:quotes[0].end] == expected


@pytest.mark.parametrize("text,expected", [
    ("Trump's ‘big deal’ in the ’90s", ["big deal"]),
    ("“We won,” she said, “and we’ll win again.”", ["We won,", "and we’ll win again."]),
    ("He said 'no' twice.", ["no"]),
])
def test_english_unchanged(text, expected):
    assert [text[s.start:s.end] for s in find_quote_spans(text)] == expected
