"""The extractor never raises (but refuses a text over the quotation-mark cap), keeps its span
invariant, and pairs marks sensibly."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from api.extraction import extract_quotes
from api.extraction.marks import find_quote_spans

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _check(text: str, published: str | None = "2024-01-10") -> list:
    quotes = extract_quotes(text, published=published)
    for q in quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.kind in ("full", "partial", "indirect")
        if q.cue is not None:
            assert text[q.cue_start:q.cue_end] == q.cue
        if q.speaker is not None:
            assert q.speaker.kind in ("person", "organization", "anonymous")
            assert q.speaker.name
    return quotes


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\n", "No quotes in this text at all.", "“", "”", '"', "'", "‘’", '""', "“”",
    "\x00", "\x00“a\x00b”\x00 said Ann\x00.", "\x1b[31m“red,” he said\x1b[0m",
    "“Unbalanced opening and nothing else",
    "Closing only” and another” and more”.",
    "“One “two “three” four” five”",
    "'''''''''", '"""""""', "“”“”“”“”", "’’’’‘‘‘‘",
    "“😀 emoji 🎉 quote,” said Zoë 👍 on Friday.",
    "“Цитата на русском,” сказал он. «Ещё одна», — добавил Иван Петров.",
    "“这是中文引用，”王文斌说。「角括號引用」他說。",
    "«نحن مستعدون»، قال المتحدث.",
    "„Wir schaffen das“, sagte Angela Merkel.",
    "He said: " * 200,
    "“" + "a " * 5000 + "”, he said.",
    "said " * 300 + "“x”",
    "\r\n“Windows line ends,” she said.\r\n\r\n“Second,” she added.\r\n",
    "\u2028“Line separator,” he said.\u2029",
    "“Mr. Smith went to Washington. Dr. Jones stayed,” said U.S. Sen. Amy Lee of N.Y.",
])
def test_never_raises_and_keeps_invariant(text):
    _check(text)
    _check(text, published=None)
    _check(text, published="garbage")


def test_non_string_and_odd_published():
    assert extract_quotes("") == []
    assert _check("“Fine,” she said.", published="2024-02-30") is not None
    assert _check("“Fine,” she said on Monday.", published="0001-01-01") is not None


def test_random_mark_soup_never_raises():
    rng = random.Random(7)
    alphabet = list("“”‘’\"'«»„「」 \n\t.,;:!?—–-()aAbB said he she Wang Liu told according to ")
    alphabet += ["\x00", "😀", "ß", "王", " said ", " told ", "Mr. ", " the official "]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        _check(text)


def test_two_megabytes_of_articles():
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    parts, size = [], 0
    while size < 2_000_000:
        part = seeds[len(parts) % len(seeds)]
        parts.append(part)
        size += len(part) + 2
    text = "\n\n".join(parts)
    quotes = _check(text)
    assert len(quotes) > 1000


def test_pathological_marks_up_to_the_cap_and_two_megabytes_without_marks():
    _check('"a" ' * 25_000)  # 50,000 marks: the cap (more are refused: below)
    _check("“" * 50_000)
    _check("x" * 2_000_000)


def test_seed_articles_span_invariant():
    manifest = json.loads((ROOT / "seeds" / "manifest.json").read_text(encoding="utf-8"))
    for doc in manifest["documents"]:
        text = (ROOT / "seeds" / doc["file"]).read_bytes().decode("utf-8")
        assert _check(text, doc["published"])


def _spans(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quote_spans(text)]


@pytest.mark.parametrize("text,expected", [
    ("“a b” and “c d”", ["a b", "c d"]),
    ('He said "yes" and "no".', ["yes", "no"]),
    ("China rejects Trump's charges as 'groundless'", ["groundless"]),
    ("China: ‘U.S. Has Its Own Culture to Blame’ for Crisis", ["U.S. Has Its Own Culture to Blame"]),
    ("CBS’ “Face the Nation” and the governments’ loose rules", ["Face the Nation"]),
    ("Don’t stop the ’90s rock ’n’ roll", []),
    ("“outer ‘inner’ outer”", ["outer ‘inner’ outer"]),
    ("'outer \"inner\" outer,' she said", ['outer "inner" outer,']),
    ("“para one\n\n“para two”", ["para one\n\n“para two"]),
    ("“never closed\n\nNext paragraph.", ["never closed"]),
    ("stray” then “real”", ["real"]),
    ("«Bonjour», dit-il. „Hallo“ sagte er. 「こんにちは」", ["Bonjour", "Hallo", "こんにちは"]),
    ("‘The players’ wives were there,’ he said", ["The players’ wives were there,"]),
    ("a 5'10\" man said \"hi\"", ["hi"]),
    # two apostrophes are one straight double mark; a nested single quotation stays inside
    ("''We cut the 'waiting list' in half,'' Nora Quist said.", ["We cut the 'waiting list' in half,"]),
    ("''Fares stay low.\n\n''Trains run late,'' he said.", ["Fares stay low.\n\n''Trains run late,"]),
    ("''I called it 'a bargain,''' Ivo Tamm said.", ["I called it 'a bargain,'"]),
    # a nested quotation may close before the outer mark with a space between
    ("\"She called it 'a bargain,' \" Ivo Tamm said.", ["She called it 'a bargain,' "]),
    ("''She called it 'a bargain,' '' Ivo Tamm said.", ["She called it 'a bargain,' "]),
    # mixed curly and straight marks pair; a straight pair inside curly marks is nested
    ("Lena Hart said “the vote is final.\" Then she left.", ["the vote is final."]),
    ("Lena Hart said \"the vote is final.” Then she left.", ["the vote is final."]),
    ("“They said \"never\" twice,” Lena Hart said.", ["They said \"never\" twice,"]),
])
def test_mark_pairing(text, expected):
    assert _spans(text) == expected


def test_word_lists_are_data_files_with_one_entry_each_once():
    from pathlib import Path

    import api.extraction.lexicon as lexicon

    folder = Path(lexicon.__file__).with_name("words")
    files = sorted(set(folder.glob("*.txt")) - {folder / "given_names.txt"})  # "he: …" lines
    assert len(files) > 40
    for path in files:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")]
        keys = [line.partition(": ")[0] if ": " in line else line for line in lines]
        assert len(keys) == len(set(keys)), f"{path.name} repeats an entry"
        assert all(line == line.strip() for line in lines), path.name
    assert "said" in lexicon.SPEECH_VERBS and lexicon.ROLE_SYNONYMS["sen"][0] == "senator"


@pytest.mark.parametrize("text, language, marks", [
    ("” " * 50_001, None, 50_001),
    ("‘a’ " * 25_001, None, 50_002),  # single marks outside words count
    ("« a » " * 25_001, "fr", 50_002),  # in any language
    ("\"a\" it's " * 25_001, None, 50_002),  # an apostrophe inside a word does not
])
def test_a_text_with_more_quotation_marks_than_the_cap_is_refused(text, language, marks):
    from api.extraction import TooManyQuotationMarks

    with pytest.raises(TooManyQuotationMarks) as refused:
        extract_quotes(text, language=language)
    assert refused.value.count == marks
    assert str(refused.value) == (f"the text has {marks:,} quotation marks; at most 50,000 are "
                                  "read in one text: send it in parts")


@pytest.mark.parametrize("text", ["” " * 50_000, "it's " * 50_001, "we’re " * 50_001])
def test_a_text_at_the_quotation_mark_cap_or_with_apostrophes_only_is_read(text):
    assert extract_quotes(text) == []
