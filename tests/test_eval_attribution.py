"""The PolNeAR loader and scorer (bench/eval_attribution.py) on a tiny brat corpus written here by hand.

PolNeAR itself is never committed (no license) and never needed by `make test`.
"""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Offsets counted by hand: "Ana Lopez" 32-41, "said" 27-31, the quote's marks at 0 and 13.
TEXT = ("“We will win,” said Ana Lopez. She said the polls were wrong.\n"
        "Critics call it a “fantasy” plan.\n")
ANN = ("T1\tSource 20 29\tAna Lopez\n"
       "T2\tCue 15 19\tsaid\n"
       "T3\tContent 0 14\t“We will win,”\n"
       "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
       "T4\tSource 31 34\tShe\n"
       "T5\tCue 35 39\tsaid\n"
       "T6\tContent 40 60\tthe polls were wrong\n"
       "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n")


def _module():
    spec = importlib.util.spec_from_file_location("eval_attribution", ROOT / "bench" / "eval_attribution.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_attribution"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def corpus(tmp_path):
    for split in ("dev", "test"):
        (tmp_path / "data" / split / "text").mkdir(parents=True)
        (tmp_path / "data" / split / "attributions").mkdir(parents=True)
    dev = tmp_path / "data" / "dev"
    (dev / "text" / "wire_2016-01-01_win.txt").write_text(TEXT, encoding="utf-8")
    (dev / "attributions" / "wire_2016-01-01_win_aaaa.ann").write_text(ANN, encoding="utf-8")
    (dev / "attributions" / "wire_2016-01-01_win_bbbb.ann").write_text("", encoding="utf-8")
    return tmp_path


def test_offsets_of_the_hand_written_sample():
    assert TEXT[20:29] == "Ana Lopez"
    assert TEXT[0:14] == "“We will win,”"
    assert TEXT[31:34] == "She" and TEXT[40:60] == "the polls were wrong"


def test_parse_ann_links_source_cue_and_discontinuous_content():
    pn = _module()
    atts = pn.parse_ann("T1\tSource 5 8\the\nT2\tCue 9 13\tsaid\n"
                        "T3\tContent 40 50;20 30\tx y\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n")
    assert [(a.source, a.cue, a.content) for a in atts] == [([(5, 8)], [(9, 13)], [(20, 30), (40, 50)])]


def test_first_annotator_is_read_and_gold_is_derived(corpus):
    pn = _module()
    [(name, text, atts)] = pn.load_split(corpus, "dev")
    assert name == "wire_2016-01-01_win" and text == TEXT and len(atts) == 2
    gold = pn.article_gold(text, atts)
    # The quote inside the first Content is gold, its speaker Ana Lopez; "fantasy" is in no
    # Content, so it is not gold.  "She" takes the nearest earlier named Source.
    assert gold["direct"] == [{"start": 1, "end": 13, "source": "Ana Lopez", "speaker": ("name", ["Ana Lopez"]),
                               "speaker_old": ("name", ["Ana Lopez"])}]
    assert pn.gold_speakers(text, atts) == [("name", ["Ana Lopez"]), ("pronoun", ["Ana Lopez"])]
    assert [g["reported"] for g in gold["contents"]] == [False, True]


@pytest.mark.parametrize("predicted,source,expected", [
    ("Ana Lopez", "Ana Lopez", True),
    ("Lopez", "Ana Lopez", True),                      # the surname is the Source's
    ("Donald Trump", "Trump", True),                   # the Source is a bare name the prediction holds
    ("Otis Kimball", "Mr. Kimball", True),        # honorifics are not name words
    ("Kofi A. Mensah", "Representative Kofi A. Mensah of New Jersey", True),
    ("Lionel Grady", "Lionel Grady, a former state official", True),
    ("Ada Whitcomb", "Sen. Ada Whitcomb (R-Ga.)", True),
    ("Donald Trump", "a spokesman for Donald Trump", False),   # the spokesman spoke
    ("spokesman", "a spokesman for Donald Trump", True),
    ("person", "a person close to the Haldane family", True),      # the qualifier is cut
    ("official", "one official familiar with the Ostrava talks", True),
    ("Haldane", "a person close to the Haldane family", False),
    ("Ina Voss", "Ina Voss, who chairs the board", True),
    ("Paul Brandt", "Ada Ruiz's spokesman, Paul Brandt,", True),   # the name in apposition
    ("Ada Ruiz", "Ada Ruiz's spokesman, Paul Brandt,", False),
    ("Ivo Marsh", "Ivo Marsh — a teacher from Dover —", True),     # dashes part like commas
    ("Ada Ruiz", "Former Secretary of State Ada Ruiz", True),       # "of" inside a title
    ("Ada Ruiz", "Ada Ruiz’s", True),                                # a possessive Source
    ("board member", "a senior Harwell Party board member who backs Ina Voss", True),
    ("Ann Price", "the Price campaign", False),
    ("Ana Lopez", "Bob Lopez", False),
    (None, "Ana Lopez", False),
])
def test_speaker_matching(predicted, source, expected):
    pn = _module()
    kind, phrase = pn._classify(source)
    assert pn.speaker_matches(predicted, [phrase]) is expected


def test_scores_the_engine_on_the_sample(corpus):
    pn = _module()
    res = pn.evaluate(corpus, "dev")
    assert res["articles"] == 1
    # The engine finds the quote with Ana Lopez and "fantasy" as not speech.
    assert (res["direct"]["gold"], res["direct"]["tp"]) == (1, 1)
    assert res["speaker"]["scored"] == 1 and res["speaker"]["accuracy"] == 1.0


def test_test_split_is_refused(corpus):
    pn = _module()
    with pytest.raises(ValueError, match="reserved"):
        pn.load_split(corpus, "test")
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "eval_attribution.py"), "test"],
                         capture_output=True, text=True, env={"POLNEAR_DIR": str(corpus)})
    assert run.returncode == 2 and "reserved" in run.stderr


def test_skips_cleanly_without_a_checkout():
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "eval_attribution.py")],
                         capture_output=True, text=True, env={})
    assert run.returncode == 0
    assert run.stdout.startswith("PolNeAR: skipped (POLNEAR_DIR is not set")


@pytest.mark.parametrize("text,expected", [
    # Two apostrophes stand for a straight double mark (as in the New York Times texts).
    ("He said ''we will win,'' and left. ''Yes.''", ["we will win,", "Yes."]),
    ("''Dana's plan works,'' she said.", ["Dana's plan works,"]),
    # ''' closing: a nested single mark closes first, then the double one
    ("''I call it 'fair,''' she said.", ["I call it 'fair,'"]),
    ("“We won,” he said.", ["We won,"]),
    # straight single marks pair like curly ones; apostrophes inside words do not open or close
    ("Mayor: Dana's plan is 'a fair deal' for riders.", ["a fair deal"]),
    ("The voters' choice was 'clear,' Ana Ruiz said.", ["clear,"]),
])
def test_quoted_spans_marks(text, expected):
    pn = _module()
    assert [text[a:b] for a, b in pn.quoted_spans(text, 0, len(text))] == expected


def test_quoted_spans_content_edge_inside_two_apostrophes():
    pn = _module()
    text = "He said. ''We won,'' she said."
    # The annotator's Content starts at the second apostrophe and ends after the first one.
    assert [text[a:b] for a, b in pn.quoted_spans(text, 10, 19)] == ["We won,"]


@pytest.mark.parametrize("text,frags,expected", [
    # A Content split at a sentence break inside a quotation is joined: one quotation.
    ("“We won. We will win again,” he said.", [(0, 8), (9, 28)], ["We won. We will win again,"]),
    # Fragments apart by words stay apart: each quotation is read within its own fragment.
    ("“We won,” he said, “and will win.”", [(0, 9), (19, 34)], ["We won,", "and will win."]),
    # A mark right outside a fragment's edge is taken in: the annotator left it out.
    ("He said “we won” today.", [(9, 15)], ["we won"]),
    ("He said “we won” today.", [(8, 15)], ["we won"]),
])
def test_gold_joins_fragments_split_inside_a_quotation(text, frags, expected):
    pn = _module()
    spans = [s for a, b in pn.joined_fragments(text, frags) for s in pn.quoted_spans(text, a, b)]
    assert [text[a:b] for a, b in spans] == expected


# A pronoun's gold under the new measure.  Offsets counted by hand (see the asserts below).
PRON_TEXT = ("Mrs. Ada Ruiz said the port would open. Mr. Paul Brandt said it would not.\n"
             "“We are ready,” she said.\n"
             "Ivo Marsh, who chairs the board, said “never.”\n")
PRON_ANN = ("T1\tSource 0 13\tMrs. Ada Ruiz\n"
            "T2\tSource 40 55\tMr. Paul Brandt\n"
            "T3\tSource 91 94\tshe\n"
            "T4\tContent 75 90\t“We are ready,”\n"
            "T5\tContent 19 38\tthe port would open\n"
            "T6\tContent 61 73\tit would not\n"
            "T7\tSource 112 115\twho\n"
            "T8\tContent 139 147\t“never.”\n"
            "E1\tAttribution:T5 Content:T5 Source:T1\n"
            "E2\tAttribution:T6 Content:T6 Source:T2\n"
            "E3\tAttribution:T4 Content:T4 Source:T3\n"
            "E4\tAttribution:T8 Content:T8 Source:T7\n")


def test_pronoun_gold_offsets():
    assert PRON_TEXT[0:13] == "Mrs. Ada Ruiz" and PRON_TEXT[40:55] == "Mr. Paul Brandt"
    assert PRON_TEXT[91:94] == "she" and PRON_TEXT[75:90] == "“We are ready,”"
    assert PRON_TEXT[19:38] == "the port would open" and PRON_TEXT[61:73] == "it would not"
    assert PRON_TEXT[112:115] == "who" and PRON_TEXT[139:147] == "“never.”"


def test_pronoun_gold_new_and_old_measure():
    pn = _module()
    atts = pn.parse_ann(PRON_ANN)
    new = pn.gold_speakers(PRON_TEXT, atts)
    old = pn.gold_speakers(PRON_TEXT, atts, honest=False)
    # "she" skips the man named last and takes the woman before him; the old measure took him.
    assert new[2] == ("pronoun", ["Mrs. Ada Ruiz"])
    assert old[2] == ("pronoun", ["Mr. Paul Brandt"])
    # "who" is the name written right before it.
    assert new[3] == ("pronoun", ["Ivo Marsh"])
    assert old[3] == ("pronoun", ["Mr. Paul Brandt"])


@pytest.mark.parametrize("phrase,gender", [
    ("Mrs. Ada Ruiz", "she"),
    ("Paul Brandt", "he"),
    ("the spokeswoman", "she"),
    ("Harwell Daily News", "it"),
    ("the AP", "it"),
    ("Dorf University student Ada Ruiz", "she"),   # the organisation is not the head
    ("Quill", None),                               # a bare surname the text never genders
])
def test_name_gender(phrase, gender):
    pn = _module()
    assert pn.name_gender("Quill spoke. Ada Ruiz and Paul Brandt listened.", phrase) == gender


def test_a_source_marked_on_the_verb_is_unscored():
    pn = _module()
    assert pn._classify("said") == (None, None)
    assert pn._classify("Ada Ruiz’s")[0] == "name"
