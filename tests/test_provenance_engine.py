"""The pure provenance engine: normalisation offsets, claim parsing, alignment, diff, verdicts."""
import re
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from api.provenance import (ClaimedSpeaker, QuoteSpan, SourceDoc, check, might_match, parse_claim,
                            worth_aligning)
from api.provenance.integrity import check_integrity
from api.provenance.normalize import (DASHES, INVISIBLE, QUOTES, SYMBOL_CATEGORIES, WORD,
                                       from_stored, index_terms, normalize, stored_offsets,
                                       strip_accents)
from api.provenance.probe import fts_query


@pytest.mark.parametrize("text, normalized, originals", [
    ("“Don’t\u00a0stop”", "don't stop", ["Don’t", "stop"]),
    ("A\u2002B  \n C", "a b c", ["A", "B", "C"]),
    ("What a night 🎉 for us", "what a night 🎉 for us", ["What", "a", "night", "🎉", "for", "us"]),
    ("China–US talks — at last", "china-us talks at last", ["China–US", "talks", "at", "last"]),
    ("U.S. officials, said: 'no'.", "u.s officials said no", ["U.S", "officials", "said", "no"]),
    ("Straße", "strasse", ["Straße"]),
    ("so\u00adft", "soft", ["so\u00adft"]),
    ("...!?", "", []),
])
def test_normalize_keeps_a_map_to_original_offsets(text, normalized, originals):
    norm = normalize(text)
    assert norm.text == normalized
    assert [text[slice(*norm.original_span(s, e))] for s, e in norm.words] == originals


def test_original_span_after_emoji_and_nbsp_counts_code_points():
    text = "🎉\u00a0“Fair deal,” she said"
    norm = normalize(text)
    at = norm.text.index("fair deal")
    assert norm.original_span(at, at + len("fair deal")) == (3, 12)
    assert text[3:12] == "Fair deal"
    assert norm.region(3, 12) == (at, at + len("fair deal"))


@pytest.mark.parametrize("claim, pieces, gaps, omissions, insertions", [
    ("one two", ["one two"], [None], 0, []),
    ("one ... two", ["one", "two"], ["ellipsis", None], 1, []),
    ("one…two", ["one", "two"], ["ellipsis", None], 1, []),
    ("one [...] two [ … ] three", ["one", "two", "three"], ["ellipsis", "ellipsis", None], 2, []),
    ("one . . . two", ["one", "two"], ["ellipsis", None], 1, []),
    ("… one two …", ["one two"], [None], 0, []),
    ("[It] has no right", ["has no right"], [None], 0, ["It"]),
    ("one [China] two", ["one", "two"], ["insertion", None], 0, ["China"]),
    ("one [sic] … two", ["one", "two"], ["ellipsis", None], 1, ["sic"]),
])
def test_parse_claim(claim, pieces, gaps, omissions, insertions):
    parsed = parse_claim(claim)
    assert [p.text for p in parsed.pieces] == pieces
    assert [p.gap_after for p in parsed.pieces] == gaps
    assert parsed.omissions == omissions
    assert [i.text for i in parsed.insertions] == insertions


def test_piece_offsets_point_into_the_claim():
    claim = parse_claim("“We won … back to work,” [she] said")
    assert [(p.start, p.end, claim.text[p.start:p.end]) for p in claim.pieces] == [
        (1, 7, "We won"), (10, 22, "back to work"), (31, 35, "said")]
    assert claim.normalized == "we won … back to work […] said"


TEXT = ("Strike ends. Union leaders met on Monday.\n\n“We have won a fair deal and we are going "
        "back to work,” said Maria Costa.")
START = TEXT.index("We have")
END = TEXT.index(",” said")
DOC = SourceDoc("s_1", "2023-03-08", TEXT, (QuoteSpan("q_1", START, END, "maria-costa", "Maria Costa",
                                                       ("Costa", "Maria Costa")),))


@pytest.mark.parametrize("claim, verdict, similarity", [
    ("we have won a fair deal", "verbatim", 1.0),
    ("We have won … going back to work", "verbatim_with_omissions", 1.0),
    ("We have won a good deal and we are going back to work", "altered", 0.9245),
    ("Union leaders met on Monday", "not_a_quote", 1.0),
    ("The weather was cold in the harbour all week", "not_found", None),
    ("won a", "verbatim", 1.0),
    ("won deal", "not_found", None),  # two words: exact only
])
def test_verdicts(claim, verdict, similarity):
    result = check(parse_claim(claim), [DOC])
    assert result.verdict == verdict
    assert (result.matches[0].similarity if result.matches else None) == similarity


def test_altered_diff_lists_word_operations_in_original_spelling():
    result = check(parse_claim("We’ve won a good deal and we are going back to work"), [DOC])
    ops = [(d.op, d.claimed, d.source) for d in result.matches[0].diff]
    # a claim's unmatched edge word faces the source word beside the match: "We’ve" for "have"
    assert ops == [("replace", "We’ve", "have"), ("equal", "won a", "won a"),
                   ("replace", "good", "fair"),
                   ("equal", "deal and we are going back to work", "deal and we are going back to work")]


@pytest.mark.parametrize("claim, ops", [
    ("We have won a fair deal and we are going back to school",
     [("equal", "We have won a fair deal and we are going back to", "We have won a fair deal and we are going back to"),
      ("replace", "school", "work")]),
    ("They have won a fair deal and we are going back to work",
     [("replace", "They", "We"),
      ("equal", "have won a fair deal and we are going back to work", "have won a fair deal and we are going back to work")]),
])
def test_a_changed_first_or_last_word_keeps_the_original_word(claim, ops):
    result = check(parse_claim(claim), [DOC])
    assert result.verdict == "altered"
    assert [(d.op, d.claimed, d.source) for d in result.matches[0].diff] == ops
    assert (result.matches[0].start, result.matches[0].end) == (START, END)


@pytest.mark.parametrize("speaker, ids, verdict, matches", [
    ("Costa", frozenset(), "verbatim", True),           # a surname is not misattribution
    ("maria-costa", frozenset({"maria-costa"}), "verbatim", True),
    ("Union leader Maria Costa", frozenset(), "verbatim", True),
    ("John Smith", frozenset(), "misattributed", False),
])
def test_speaker_check(speaker, ids, verdict, matches):
    result = check(parse_claim("going back to work"), [DOC], ClaimedSpeaker(speaker, ids))
    assert (result.verdict, result.matches[0].speaker_matches) == (verdict, matches)


def test_integrity_detects_a_changed_text():
    prefix, suffix = TEXT[START - 10:START], TEXT[END:END + 10]
    ok = check_integrity(TEXT, "x", START, END, TEXT[START:END], prefix, suffix)
    assert (ok.span_ok, ok.context_ok, ok.sha256_ok, ok.intact) == (True, True, False, False)
    moved = "Breaking. " + TEXT
    changed = check_integrity(moved, ok.computed_sha256, START, END, TEXT[START:END], prefix, suffix)
    assert (changed.span_ok, changed.found_at, changed.context_ok) == (False, (START + 10, END + 10), False)


def test_fts_query_prefers_rare_words_and_tolerates_one_changed_unit():
    claim = parse_claim("the fentanyl crisis is the problem of the world")
    doc_freq = {"the": 990, "is": 900, "of": 950, "world": 300, "problem": 200, "fentanyl": 3,
                "crisis": 40}
    query = fts_query(claim, doc_freq, 1000)
    assert query == ('("fentanyl" AND "crisis is the") OR ("fentanyl" AND "problem of the") OR '
                     '("crisis is the" AND "problem of the")')
    assert fts_query(parse_claim("going back"), {}, 10) == '"going back"'


@pytest.mark.parametrize("text, expected", [
    # the same sources as the pairs, each unit written fewer times
    ("the fentanyl crisis is the problem of the world",
     '("fentanyl" AND ("crisis is the" OR "problem of the")) OR '
     '("crisis is the" AND "problem of the")'),
    # a unit with a word no source has matches nothing: the pairs holding it are left out
    ("the fentanyl crisis is the zorblat of the world", '("fentanyl" AND "crisis is the")'),
    # two of three units with such words: no source can hold two units
    ("the quorbex zorblat is the world", None),
    ("the zorblat crisis", '"the zorblat crisis"'),  # short claims: one phrase, as before
])
def test_unranked_fts_query_is_nested_and_leaves_out_units_no_source_has(text, expected):
    doc_freq = {"the": 990, "is": 900, "of": 950, "world": 300, "problem": 200, "fentanyl": 3,
                "crisis": 40}
    assert fts_query(parse_claim(text), doc_freq, 1000, nested=True) == expected


def test_an_ellipsis_printed_in_the_source_is_verbatim_not_an_omission():
    from api.provenance import parse_claim
    from api.provenance.verdict import QuoteSpan, SourceDoc, check

    text = "“We will see ... what happens next,” said Anna Berg. Later, we will see."
    start = text.index("We will")
    end = text.index("next,") + len("next,")
    doc = SourceDoc("s_1", "2024-01-02", text,
                    (QuoteSpan("q_1", start, end, "anna-berg", "Anna Berg"),))
    result = check(parse_claim("We will see ... what happens next,"), [doc])
    assert result.verdict == "verbatim"
    assert (result.matches[0].start, result.matches[0].end) == (start, end - 1)  # words only
    omitted = check(parse_claim("We will see … next"), [doc])
    assert omitted.verdict == "verbatim_with_omissions"


def _normalize_reference(text):
    """The original character-by-character normalisation, which normalize() must equal."""
    chars, folded_origin = [], []
    for index, char in enumerate(text):
        if char in INVISIBLE:
            continue
        folded = " " if char.isspace() else (QUOTES.get(char) or DASHES.get(char)
                                               or char.casefold())
        chars.append(folded)
        folded_origin.extend([index] * len(folded))
    folded = "".join(chars)
    parts, origin, words = [], [], []
    for match in WORD.finditer(folded):
        word = match.group()
        if not (len(word) > 1 or word.isalnum()
                or unicodedata.category(word) in SYMBOL_CATEGORIES):
            continue
        if parts:
            parts.append(" ")
            origin.append(folded_origin[match.start()])
        start = len("".join(parts))
        parts.append(word)
        origin.extend(folded_origin[match.start():match.end()])
        words.append((start, start + len(word)))
    return "".join(parts), tuple(origin), tuple(words), tuple(origin[s] for s, _ in words)


TRICKY = ("a", "Z", "7", " ", "\n", "\t", "\x1c", "\u00a0", "\u2002", "\u3000", "\u2028", "‘", "’",
          "“", "”", "«", "`", "´", "'", '"', "–", "—", "−", "-", ".", ",", "…", "_", "ß", "ẞ", "İ",
          "ŉ", "ﬁ", "Σ", "ς", "\u0301", "\u0307", "\u00ad", "\u200b", "\u200d", "\ufeff",
          "🎉", "👍🏽", "$", "€", "+", "^", "©", "中", "٣", "Ⅻ")
TEXTS = st.lists(st.one_of(st.sampled_from(TRICKY), st.characters(), st.text("aB' -.", max_size=4)),
                 max_size=40).map("".join)


@settings(derandomize=True, max_examples=400, deadline=None)
@given(TEXTS)
def test_normalize_equals_the_character_by_character_reference(text):
    norm = normalize(text)
    assert (norm.text, norm.origin, norm.words, norm.word_origins) == _normalize_reference(text)
    assert norm.original == text
    assert [norm.origin_at(i) for i in range(len(norm.text))] == list(norm.origin)


def test_normalize_folds_alone_once_the_shared_table_is_full(monkeypatch):
    monkeypatch.setattr("api.provenance.normalize._FOLD_MAX", 0)
    text = "Straße\u00ad “İstanbul” 🎉\u2002cafe\u0301, U.S.—deal ẞ"
    norm = normalize(text)
    assert (norm.text, norm.origin, norm.words, norm.word_origins) == _normalize_reference(text)


@pytest.mark.parametrize("text, gaps", [
    ("“Don’t\u00a0stop,” she said.", bytes([1, 1, 3, 1])),
    ("A\u2002B  \n C", bytes([0, 1, 4])),
    ("🎉🎉 ok", bytes([0, 0, 1])),
    ("", b""),
    ("...!?", b""),
    ("Straße is long", None),  # ß folds to two characters: not storable, normalised at check time
    ("so\u00adft", None),
    ("a" + " " * 255 + "b", None),  # a gap too long for one byte
])
def test_stored_offsets_rebuild_the_same_normalized(text, gaps):
    norm = normalize(text)
    assert stored_offsets(norm) == gaps
    rebuilt = from_stored(text, norm.text, gaps)
    assert (rebuilt.text, rebuilt.words, rebuilt.word_origins, rebuilt.origin) == (
        norm.text, norm.words, norm.word_origins, norm.origin)


@given(st.text(alphabet=st.sampled_from("ab’“”—-. ,\n\u00a0🎉"), max_size=60))
@settings(max_examples=300, deadline=None)
def test_stored_offsets_rebuild_normalize_for_any_text(text):
    norm = normalize(text)
    rebuilt = from_stored(text, norm.text, stored_offsets(norm))
    assert (rebuilt.text, rebuilt.words, rebuilt.word_origins, rebuilt.origin) == (
        norm.text, norm.words, norm.word_origins, norm.origin)


@pytest.mark.parametrize("claim, exact, expected", [
    ("we have won a fair deal", False, True),          # verbatim
    ("We have won a good deal and we are going back to work", False, True),  # altered
    ("We have won a good deal and we are going back to work", True, False),  # exact only
    ("The weather was cold in the harbour all week", False, False),
    ("won deal", False, False),                        # two words: exact only
    ("We have won … going back to work", False, True),
    ("We have won … going home", True, False),
    ("cold weather … the harbour", False, True),      # pieces may be found inside one quote
    ("Strike ends. [...] Union leaders", False, True),
])
def test_might_match_rules_out_only_sources_check_finds_nothing_in(claim, exact, expected):
    parsed = parse_claim(claim)
    assert might_match(parsed, normalize(TEXT).text, exact) is expected
    if not expected:
        assert check(parsed, [DOC], exact=exact).matches == ()


@given(st.lists(st.sampled_from(["we", "have", "won", "a", "fair", "deal", "good", "back", "work",
                                 "…", "[them]", "union", "cold"]), min_size=1, max_size=12))
@settings(max_examples=300, deadline=None)
def test_might_match_is_true_whenever_check_finds_a_match(words):
    claim = parse_claim(" ".join(words))
    if claim.pieces:
        for exact in (False, True):
            if check(claim, [DOC], exact=exact).matches:
                assert might_match(claim, normalize(TEXT).text, exact)


@pytest.mark.parametrize("claim, expected, verdict", [
    ("We have won … going back to work", True, "verbatim_with_omissions"),  # every piece's words
    ("We have won … going back to wrk", True, "altered"),  # a window for each piece
    ("we have won a good deal", True, "altered"),  # one piece: as might_match
    ("cold weather … the harbour", False, "not_found"),  # might_match keeps it; no piece is near
    ("We have won … sailing home tomorrow", False, "not_found"),  # the second piece is nowhere
])
def test_worth_aligning_bounds_claims_of_several_pieces_by_a_window_for_each(claim, expected,
                                                                             verdict):
    parsed = parse_claim(claim)
    assert might_match(parsed, normalize(TEXT).text)
    assert worth_aligning(parsed, normalize(TEXT).text) is expected
    assert check(parsed, [DOC]).verdict == verdict


def test_the_answer_does_not_depend_on_the_order_of_the_candidates():
    # The store passes a full-text query's matches unranked when they all fit as candidates.
    other = SourceDoc("s_0", "2023-03-09", TEXT.replace("fair", "good"), (
        QuoteSpan("q_0", START, END, "maria-costa", "Maria Costa"),))
    later = SourceDoc("s_2", None, "Union leaders met on Monday. We have won a fair deal.", ())
    for claim in ("We have won a fair deal", "We have won a good deal and we are going back",
                  "Union leaders met … Monday", "We have won … back to work"):
        parsed = parse_claim(claim)
        forward, backward = check(parsed, [DOC, other, later]), check(parsed, [later, other, DOC])
        assert forward == backward and len(forward.matches) >= 2


@pytest.mark.parametrize("word, terms", [("abc123", ["abc123"]), ("china-us", ["china", "us"]),
                                         ("café", ["cafe"]), ("u.s", ["u", "s"]),
                                         ("don't", ["don", "t"]), ("a_b", ["a", "b"])])
def test_index_terms_split_as_the_tokenizer(word, terms):
    assert index_terms(word) == terms


@given(st.text(alphabet="aZ9é_-.'ßİ\u0301", min_size=1, max_size=8))
def test_index_terms_shortcut_agrees_with_the_full_split(word):
    full = [term for term in re.split(r"[^\w]+|_", strip_accents(word)) if term]
    assert index_terms(word) == full


def test_an_ellipsis_joining_two_quotes_of_one_speaker_is_a_splice_not_omissions():
    text = ("“We have won a fair deal,” said Maria Costa. Talks ran late. "
            "“Now we go back to work,” she added.")
    first = (text.index("We have"), text.index(",” said"))
    second = (text.index("Now we"), text.index(",” she"))
    doc = SourceDoc("s_1", "2023-03-08", text, (
        QuoteSpan("q_1", *first, "maria-costa", "Maria Costa", ("Maria Costa",)),
        QuoteSpan("q_2", *second, "maria-costa", "Maria Costa", ("Maria Costa",))))
    result = check(parse_claim("We have won a fair deal … now we go back to work"), [doc])
    best = result.matches[0]
    assert (result.verdict, best.location, best.similarity) == ("altered", "quotes", 1.0)
    within = check(parse_claim("We have won … deal"), [doc])
    assert (within.verdict, within.matches[0].location) == ("verbatim_with_omissions", "quote")
