"""Citations engine: expected strings are written from the style guides' rules."""
import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from api.citations import (FORMATS, STYLES, QuoteRef, SourceMeta, UnknownFormat, UnknownStyle,
                           attribution_line, csl_item, csl_names, export, render,
                           text_fragment_url, to_bibtex, to_ris)
from api.citations.fragment import count_matches

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
URL = "https://thefrontierpost.com/china-dismisses-us-fentanyl-accusations-as-fake-news/"
AFP = SourceMeta("s_1c8d099a61bd", "AFP", "The Frontier Post",
                 "China dismisses US fentanyl accusations as ‘fake news’", None, URL, "2023-06-08")
BBG = SourceMeta("s_8e199b0716ac", "Bloomberg", "Bloomberg", None, None, None, "2023-07-07")
BURNS = QuoteRef("q-burns", "Frankly, we have not seen progress on this issue,", 0, 0,
                 "Nicholas Burns", "The US ambassador to China", "full", "2023-06-07")
ROBINSON = QuoteRef("q-robinson", "Just because the PRC is not talking to the United States, "
                    "they are talking to other countries,", 0, 0, "Todd Robinson", None, "full")
T = "China Dismisses US Fentanyl Accusations as ‘Fake News.’”"

BIBLIOGRAPHY = [
    # APA 7: group author (agency); title in sentence case, American punctuation; no-author
    # and untitled: bracketed description moves to the author position.
    ("apa", AFP, "AFP. (2023, June 8). China dismisses US fentanyl accusations as “fake news.” "
                 f"The Frontier Post. {URL}"),
    ("apa", BBG, "[Untitled article]. (2023, July 7). Bloomberg."),
    # MLA 9: Author. “Title.” Container, day Month year, URL.
    ("mla", AFP, f"AFP. “{T} The Frontier Post, 8 June 2023, {URL}."),
    ("mla", BBG, "Bloomberg, 7 July 2023."),
    # CMOS 18 author-date: unsigned news item -> newspaper name stands in for the author.
    ("chicago", AFP, f"AFP. 2023. “{T} The Frontier Post, June 8. {URL}."),
    ("chicago", BBG, "Bloomberg. 2023. July 7."),
    ("chicago-note", AFP, f"AFP. “{T} The Frontier Post, June 8, 2023. {URL}."),
    ("chicago-note", BBG, "Bloomberg. July 7, 2023."),
    # Cite Them Right: Author (year) ‘Title’, Newspaper, day Month. Available at: URL.
    ("harvard", AFP, "AFP (2023) ‘China dismisses US fentanyl accusations as “fake news”’, "
                     f"The Frontier Post, 8 June. Available at: {URL}."),
    ("harvard", BBG, "Bloomberg (2023), 7 July."),
]


@pytest.mark.parametrize("style, source, expected", BIBLIOGRAPHY)
def test_render_bibliography(style, source, expected):
    assert render([csl_item(None, source)], style) == [expected]


def test_render_html_italicises_container():
    assert "<i>The Frontier Post</i>" in render([csl_item(None, AFP)], "mla", html=True)[0]


def test_csl_item_wire_story():
    item = csl_item(BURNS, AFP)
    assert item == {"id": "s_1c8d099a61bd", "type": "article-newspaper",
                    "container-title": "The Frontier Post", "author": [{"literal": "AFP"}],
                    "title": AFP.title, "issued": {"date-parts": [[2023, 6, 8]]}, "URL": URL}


def test_csl_item_person_author_and_same_publisher():
    src = SourceMeta("s", "The Times", "The Times", "T", "Jane Q. Doe", None, "2020-01")
    item = csl_item(None, src)
    assert item["author"] == [{"family": "Doe", "given": "Jane Q."}]
    assert item["container-title"] == "The Times" and item["issued"] == {"date-parts": [[2020, 1]]}


@pytest.mark.parametrize("author, names", [
    (None, []), ("  ", []),
    ("Jane Doe", [{"family": "Doe", "given": "Jane"}]),
    ("Doe, Jane Q.", [{"family": "Doe", "given": "Jane Q."}]),
    ("Martin Luther King Jr.", [{"family": "King", "given": "Martin Luther", "suffix": "Jr."}]),
    ("King, Martin Luther, Jr.", [{"family": "King", "given": "Martin Luther", "suffix": "Jr."}]),
    ("Rafael van der Vaart",
     [{"family": "Vaart", "given": "Rafael", "non-dropping-particle": "van der"}]),
    ("van Gogh, Vincent", [{"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}]),
    ("Jean de La Fontaine",
     [{"family": "La Fontaine", "given": "Jean", "non-dropping-particle": "de"}]),
    ("Humboldt, Alexander von",
     [{"family": "Humboldt", "given": "Alexander", "dropping-particle": "von"}]),
    ("Dr. Jane Roe", [{"family": "Roe", "given": "Jane"}]),
    ("Prof. Dr. Hans Meier", [{"family": "Meier", "given": "Hans"}]),
    ("Charles De Gaulle", [{"family": "De Gaulle", "given": "Charles"}]),
    ("AFP", [{"literal": "AFP"}]),
    ("Staff Reporter", [{"literal": "Staff Reporter"}]),
    ("Jane Doe and Sam Reed",
     [{"family": "Doe", "given": "Jane"}, {"family": "Reed", "given": "Sam"}]),
    ("Doe, Jane; Reed, Sam",
     [{"family": "Doe", "given": "Jane"}, {"family": "Reed", "given": "Sam"}]),
    ("Sammy Davis Jr. & Reuters",
     [{"family": "Davis", "given": "Sammy", "suffix": "Jr."}, {"literal": "Reuters"}]),
])
def test_csl_names(author, names):
    assert csl_names(author) == names


@pytest.mark.parametrize("author, style, entry", [
    ("Martin Luther King Jr.", "apa", "King, M. L., Jr. (2023, March 8). Talks. Paper."),
    ("Martin Luther King Jr.", "mla", "King, Martin Luther, Jr. “Talks.” Paper, 8 Mar. 2023."),
    ("Rafael van der Vaart", "apa", "van der Vaart, R. (2023, March 8). Talks. Paper."),
    # Chicago's style sets demote-non-dropping-particle: the particle follows the given name
    ("Rafael van der Vaart", "chicago",
     "Vaart, Rafael van der. 2023. “Talks.” Paper, March 8."),
    ("Dr. Jane Roe", "mla", "Roe, Jane. “Talks.” Paper, 8 Mar. 2023."),
])
def test_parsed_names_render(author, style, entry):
    source = SourceMeta("s_1", "Paper", "Paper", "Talks", author, None, "2023-03-08")
    assert render([csl_item(None, source)], style) == [entry]


@pytest.mark.parametrize("author, bibtex, ris", [
    ("Martin Luther King Jr.", "King, Jr., Martin Luther", "King, Martin Luther, Jr."),
    ("Rafael van der Vaart", "van der Vaart, Rafael", "van der Vaart, Rafael"),
    ("Humboldt, Alexander von", "von Humboldt, Alexander", "von Humboldt, Alexander"),
])
def test_parsed_names_export(author, bibtex, ris):
    item = csl_item(None, SourceMeta("s_1", "Paper", "Paper", "Talks", author, None, "2023"))
    assert f"  author = {{{bibtex}}},\n" in to_bibtex([item])
    assert f"AU  - {ris}\r\n" in to_ris([item])


BIBTEX = [
    (AFP, "@article{afp2023china-1c8d099a61bd,\n  author = {{AFP}},\n"
          "  title = {{China dismisses US fentanyl accusations as ‘fake news’}},\n"
          "  journal = {The Frontier Post},\n  year = {2023},\n  month = jun,\n"
          f"  date = {{2023-06-08}},\n  url = {{{URL}}}\n}}\n"),
    (BBG, "@misc{bloomberg2023-8e199b0716ac,\n  howpublished = {Bloomberg},\n  year = {2023},\n"
          "  month = jul,\n  date = {2023-07-07}\n}\n"),
    (SourceMeta("s_00ff00ff00ff", "R&D_News", None, "50% {up} #1 café", None, None, "2021"),
     "@article{rdnews2021cafe-00ff00ff00ff,\n  title = {{50\\% \\{up\\} \\#1 café}},\n"
     "  journal = {R\\&D\\_News},\n  year = {2021},\n  date = {2021}\n}\n"),
]


@pytest.mark.parametrize("source, expected", BIBTEX)
def test_bibtex(source, expected):
    assert to_bibtex([csl_item(None, source)]) == expected


def test_bibtex_keys_are_unique_per_source_and_do_not_depend_on_the_page():
    first = SourceMeta("s_aaaaaaaaaaaa", "AFP", "AFP", "China warns", None, None, "2023-01-02")
    second = SourceMeta("s_bbbbbbbbbbbb", "AFP", "AFP", "China answers", None, None, "2023-05-06")
    both = to_bibtex([csl_item(None, first), csl_item(None, second)])
    assert re.findall(r"@\w+\{([^,]+),", both) == ["afp2023china-aaaaaaaaaaaa",
                                                 "afp2023china-bbbbbbbbbbbb"]
    assert to_bibtex([csl_item(None, second)]).startswith("@article{afp2023china-bbbbbbbbbbbb,")


RIS = [
    (AFP, ["TY  - NEWS", "AU  - AFP", f"TI  - {AFP.title}", "T2  - The Frontier Post",
           "PY  - 2023", "DA  - 2023/06/08/", f"UR  - {URL}", "ID  - s_1c8d099a61bd",
           "ER  - "]),
    (BBG, ["TY  - NEWS", "T2  - Bloomberg", "PY  - 2023", "DA  - 2023/07/07/",
           "ID  - s_8e199b0716ac", "ER  - "]),
]


@pytest.mark.parametrize("source, lines", RIS)
def test_ris(source, lines):
    assert to_ris([csl_item(None, source)]) == "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("fmt, media", [
    ("csl-json", "application/vnd.citationstyles.csl+json"),
    ("bibtex", "application/x-bibtex; charset=utf-8"),
    ("ris", "application/x-research-info-systems; charset=utf-8"),
    ("text", "text/x-bibliography; charset=utf-8"),
])
def test_export_media_types(fmt, media):
    body, content_type = export([csl_item(BURNS, AFP), csl_item(BURNS, AFP)], fmt)
    assert content_type == media and body.count("The Frontier Post") == 1


def test_export_text_uses_style():
    body, _ = export([csl_item(ROBINSON, BBG)], "text", "chicago")
    assert body == "Bloomberg. 2023. July 7.\n"


ATTRIBUTIONS = [
    (BURNS, AFP, "“Frankly, we have not seen progress on this issue,” Nicholas Burns, "
                 "the US ambassador to China, said (AFP, 7 June 2023)."),
    (ROBINSON, BBG, "“Just because the PRC is not talking to the United States, they are talking "
                    "to other countries,” Todd Robinson said (Bloomberg, 7 July 2023)."),
    (QuoteRef("p", "has always been strict in cracking down on drug crimes", 0, 0, "Wang Wenbin",
              None, "partial"), AFP,
     "Wang Wenbin: “has always been strict in cracking down on drug crimes” (AFP, 8 June 2023)."),
    (QuoteRef("i", "the US should look at its own problems.", 0, 0, "Liu Yuejin", None,
              "indirect"), AFP,
     "According to Liu Yuejin, the US should look at its own problems (AFP, 8 June 2023)."),
    (QuoteRef("n", 'It was "fake news".', 0, 0, None, None, "full"), AFP,
     "“It was ‘fake news’” (AFP, 8 June 2023)."),
    (QuoteRef("a", "no progress", 0, 0, None, None, "indirect"), BBG,
     "According to a report, no progress (Bloomberg, 7 July 2023)."),
]


@pytest.mark.parametrize("quote, source, expected", ATTRIBUTIONS)
def test_attribution_line(quote, source, expected):
    assert attribution_line(quote, source) == expected


SCMP = (SEEDS / "003_5cd384ce8e827f96.txt").read_text(encoding="utf-8")
FRONTIER = (SEEDS / "000_1c8d099a61bd18ef.txt").read_text(encoding="utf-8")
SCMP_URL = "https://www.scmp.com/news/china/diplomacy/article/3194428"
FIRST = SCMP.find("out of goodwill")
SECOND = SCMP.find("out of goodwill", FIRST + 1)
LONG = SCMP.find("So just think")
LONG_END = SCMP.find("narcotics,", LONG) + len("narcotics,")
BURNS_AT = FRONTIER.find("Frankly")

FRAGMENTS = [
    # words occur twice: context before (and the punctuation after) makes each unique
    (SCMP_URL + "#old", SCMP, FIRST, FIRST + 15, SCMP_URL + "#:~:text="
     "that%20his%20country%20had%20done%20all%20it%20could%20to%20help%20%E2%80%9C-,"
     "out%20of%20goodwill,-%E2%80%9D."),
    (SCMP_URL, SCMP, SECOND, SECOND + 15, SCMP_URL + "#:~:text="
     "help%20%E2%80%9C-,out%20of%20goodwill,-%E2%80%9D.%20Photo%3A"),
    # over 300 characters: textStart,textEnd
    ("https://x.test/a", SCMP, LONG, LONG_END, "https://x.test/a#:~:text="
     "So%20just%20think%20how,capability%20to%20fight%20narcotics%2C"),
    # unique words: no context; ",", "-" and "&" are percent-encoded
    (URL, FRONTIER, BURNS_AT, BURNS_AT + len(BURNS.text), URL + "#:~:text="
     "Frankly%2C%20we%20have%20not%20seen%20progress%20on%20this%20issue%2C"),
    ("https://x.test/", "A-B & C, d", 0, 10, "https://x.test/#:~:text=A%2DB%20%26%20C%2C%20d"),
    (None, FRONTIER, BURNS_AT, BURNS_AT + len(BURNS.text), None),
]


@pytest.mark.parametrize("url, text, start, end, expected", FRAGMENTS)
def test_text_fragment_url(url, text, start, end, expected):
    assert text_fragment_url(url, text, start, end) == expected


def _spec_count(text, *terms):
    """count_matches as the regular expression the directive's matching is defined by."""
    def pattern(term):
        body = r"\s+".join(re.escape(token) for token in term.split())
        head = r"(?<!\w)" if re.match(r"\w", term) else ""
        tail = r"(?!\w)" if re.search(r"\w$", term) else ""
        return head + body + tail
    joined = r"\s*".join(pattern(term) for term in terms if term)
    return sum(1 for _ in re.finditer(f"(?=({joined}))", text, re.IGNORECASE))


# Characters re.IGNORECASE treats specially: İ (simple lower case i), ſ/s, ı/i, µ/μ, σ/ς/Σ,
# Cyrillic and Greek variants, ligatures, and no-break and em spaces.
CASE_CHARS = "aAbsSiIkK_1 \n-.é“’İıſµμΣσςϐβѣᲇтᲄᲅﬅﬆΐ\u1fd3\u00a0\u2003ǅǆǄ"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=CASE_CHARS, max_size=40), data=st.data())
def test_count_matches_is_the_regular_expressions_count(text, data):
    words = text.split()
    assume(words)
    first = data.draw(st.integers(0, len(words) - 1))
    last = data.draw(st.integers(first + 1, min(len(words), first + 3)))
    term = " ".join(words[first:last])
    if data.draw(st.booleans()):
        term = data.draw(st.text(alphabet=CASE_CHARS, min_size=1, max_size=6)).strip() or term
    prefix = " ".join(words[max(0, first - 1):first]) if data.draw(st.booleans()) else ""
    suffix = " ".join(words[last:last + 1]) if data.draw(st.booleans()) else ""
    assert count_matches(text, prefix, term, suffix) == _spec_count(text, prefix, term, suffix)


def test_unknown_style_and_format():
    with pytest.raises(UnknownStyle) as style_error:
        render([csl_item(None, AFP)], "vancouver")
    assert style_error.value.accepted == tuple(STYLES) and isinstance(style_error.value, ValueError)
    with pytest.raises(UnknownFormat) as format_error:
        export([csl_item(None, AFP)], "endnote")
    assert format_error.value.accepted == tuple(FORMATS) and format_error.value.value == "endnote"
