"""Provenance schemas: the claim to check, the verdict with its matches, a quote's re-check."""
from __future__ import annotations

from typing import TYPE_CHECKING

import marshmallow as ma
from marshmallow import fields, validate

from api.provenance import MAX_CLAIM_CHARS, THRESHOLD, VERDICTS
from api.schemas.base import BaseSchema, OutputSchema
from api.schemas.quotes import SpanSchema

if TYPE_CHECKING:
    from api import provenance as engine
    from api.store.provenance import ClaimCheck, QuoteRecheck

LOCATIONS = ("quote", "narrative", "mixed", "quotes")
DIFF_OPS = ("equal", "insert", "delete", "replace")
VERDICT_HELP = (
    "`verbatim`: the words (after normalisation) are inside a stored quote by the claimed "
    "speaker, or no speaker was claimed. `verbatim_with_omissions`: the pieces between the "
    "ellipses appear in order inside one quote. `altered`: the closest quote differs (see "
    "`diff`), or the words run beyond one quote. `misattributed`: the words are a stored quote "
    "but its speaker is not the claimed one. `not_a_quote`: the closest match is the writer's "
    "narrative, outside every quote. `not_found`: nothing reaches the similarity threshold "
    f"({THRESHOLD}): below it, a claim shares too few words in order with any source to say it "
    "came from there (one changed word in ten scores about 0.9; unrelated sentences on the same "
    "topic score 0.4–0.7). Claims of one or two words must match exactly.")
NORMALISATION_HELP = (
    "Compared after normalisation: case, curly and straight quotes and apostrophes, dashes "
    "(– — ‒ ― -), every Unicode space, and punctuation between words are ignored. Ellipses "
    "(`...`, `…`, `[...]`, `[…]`) are gaps; `[bracketed words]` are editorial insertions that "
    "stand for up to four source words. Spans are code points into the ORIGINAL source text.")


class CheckArgs(BaseSchema):
    text = fields.String(required=True, validate=validate.Length(min=1), metadata={
        "description": f"The claimed quotation, at most {MAX_CLAIM_CHARS} characters (413 "
                       "over); one without words (only punctuation or spaces) is `not_found`.",
        "maxLength": MAX_CLAIM_CHARS})
    speaker = fields.String(load_default=None, validate=validate.Length(1, 200), metadata={
        "description": "Who the claim says said it: speaker id, name or alias, any case."})
    source = fields.String(load_default=None, validate=validate.Length(1, 100), metadata={
        "description": "Check against this source id only."})


class SourceBriefSchema(OutputSchema):
    id = fields.String()
    outlet = fields.String()
    title = fields.String(allow_none=True)
    published = fields.String(allow_none=True)
    url = fields.String(allow_none=True)


class SpeakerBriefSchema(OutputSchema):
    id = fields.String()
    name = fields.String()


class DiffOpSchema(OutputSchema):
    op = fields.String(validate=validate.OneOf(DIFF_OPS), metadata={
        "description": "`equal`; `replace`: source words changed; `delete`: source words the "
                       "claim drops; `insert`: words the claim adds"})
    claimed = fields.String(metadata={"description": "Claimed words, as written ('' for delete)"})
    source = fields.String(metadata={"description": "Source words, as printed ('' for insert)"})


class FoundPieceSchema(OutputSchema):
    text = fields.String(metadata={"description": "The claimed piece"})
    span = fields.Nested(SpanSchema, metadata={"description": "Where it stands in the source"})
    similarity = fields.Float()


class MatchSchema(OutputSchema):
    source = fields.Nested(SourceBriefSchema)
    span = fields.Nested(SpanSchema, metadata={"description": "Code points into the source text"})
    text = fields.String(metadata={"description": "The source text at the span"})
    location = fields.String(validate=validate.OneOf(LOCATIONS), metadata={
        "description": "`quotes`: an ellipsis joins words of two quotes"})
    quote_id = fields.String(allow_none=True)
    speaker = fields.Nested(SpeakerBriefSchema, allow_none=True,
                            metadata={"description": "The quote's speaker"})
    speaker_matches = fields.Boolean(allow_none=True, metadata={
        "description": "Whether the claimed speaker is the quote's; null if none claimed or known"})
    similarity = fields.Float(metadata={"description": "0–1; 1 is the same words"})
    pieces = fields.List(fields.Nested(FoundPieceSchema),
                         metadata={"description": "Each claimed piece (between ellipses) and where"})
    diff = fields.List(fields.Nested(DiffOpSchema),
                       metadata={"description": "Word-level steps from source to claim"})


class ClaimPartSchema(OutputSchema):
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()


class ParsedClaimSchema(OutputSchema):
    text = fields.String()
    normalized = fields.String(metadata={"description": "The words compared; … marks a gap"})
    speaker = fields.String(allow_none=True)
    source = fields.String(allow_none=True)
    omissions = fields.Integer(metadata={"description": "Ellipses between pieces"})
    pieces = fields.List(fields.Nested(ClaimPartSchema))
    insertions = fields.List(fields.Nested(ClaimPartSchema),
                             metadata={"description": "Editorial [insertions], treated as wildcards"})


class ClaimedSpeakerSchema(OutputSchema):
    claimed = fields.String()
    resolved = fields.List(fields.Nested(SpeakerBriefSchema),
                           metadata={"description": "Stored speakers the claimed name resolves to"})


class ReportedSchema(OutputSchema):
    source = fields.Nested(SourceBriefSchema)
    span = fields.Nested(SpanSchema)
    quote_id = fields.String(allow_none=True)
    speaker = fields.Nested(SpeakerBriefSchema, allow_none=True)


class CheckResultSchema(OutputSchema):
    verdict = fields.String(validate=validate.OneOf(VERDICTS), metadata={"description": VERDICT_HELP})
    claim = fields.Nested(ParsedClaimSchema)
    speaker = fields.Nested(ClaimedSpeakerSchema, allow_none=True)
    similarity = fields.Float(allow_none=True, metadata={"description": "Of the best match"})
    threshold = fields.Float(metadata={"description": "Below this similarity: not_found"})
    matches = fields.List(fields.Nested(MatchSchema), metadata={"description": "Best first, ≤ 10"})
    first_reported = fields.Nested(ReportedSchema, allow_none=True, metadata={
        "description": "The earliest-published exact match"})

    def dump(self, obj: ClaimCheck, *, many: bool | None = None):
        """Return check_resource(obj): these fields' JSON as is, without marshmallow's walk.

        The walk over the nested matches, pieces and diffs changed nothing and cost ~2 % of a
        check; tests/test_fastpath.py holds the answers to it.
        """
        many = self.many if many is None else many
        return [check_resource(check) for check in obj] if many else check_resource(obj)


class AlsoInSchema(ReportedSchema):
    location = fields.String(validate=validate.OneOf(LOCATIONS), metadata={
        "description": "`quotes`: an ellipsis joins words of two quotes"})


class ShaCheckSchema(OutputSchema):
    ok = fields.Boolean()
    stored = fields.String()
    computed = fields.String()


class SpanCheckSchema(OutputSchema):
    ok = fields.Boolean(metadata={"description": "source text[start:end] is the quote text"})
    found = fields.Nested(SpanSchema, allow_none=True,
                          metadata={"description": "Where the quote text now stands, if moved"})


class ContextCheckSchema(OutputSchema):
    ok = fields.Boolean()
    prefix = fields.Boolean(metadata={"description": "The stored prefix still precedes the span"})
    suffix = fields.Boolean(metadata={"description": "The stored suffix still follows the span"})


class ChecksSchema(OutputSchema):
    sha256 = fields.Nested(ShaCheckSchema)
    span = fields.Nested(SpanCheckSchema)
    context = fields.Nested(ContextCheckSchema)


class SourceWithHashSchema(SourceBriefSchema):
    sha256 = fields.String(metadata={"description": "As stored at ingest"})


class QuoteProvenanceSchema(OutputSchema):
    quote_id = fields.String()
    text = fields.String()
    speaker = fields.Nested(SpeakerBriefSchema, allow_none=True)
    source = fields.Nested(SourceWithHashSchema)
    checks = fields.Nested(ChecksSchema)
    intact = fields.Boolean(metadata={"description": "Every check passed"})
    also_in = fields.List(fields.Nested(AlsoInSchema), metadata={
        "description": "Other sources with the same words (normalised), earliest first, ≤ 100"})
    first_reported = fields.Nested(ReportedSchema, metadata={
        "description": "The earliest-published of this quote and also_in (undated last)"})

    @ma.pre_dump
    def shape(self, recheck: QuoteRecheck, **kwargs) -> dict:
        return recheck_resource(recheck)


SOURCE_BRIEF = ("id", "outlet", "title", "published", "url")
REPORTED = ("source", "span", "quote_id", "speaker")


def check_resource(check: ClaimCheck) -> dict:
    """Return a claim's check as JSON: the verdict, the parsed claim and the best matches."""
    matches = [match_resource(m, check.refs) for m in check.result.matches]
    speaker = check.speaker
    return {
        "verdict": check.result.verdict,
        "claim": claim_resource(check.claim, speaker, check.source_id),
        "speaker": {"claimed": speaker, "resolved": check.resolved} if speaker else None,
        "similarity": matches[0]["similarity"] if matches else None,
        "threshold": THRESHOLD,
        "matches": matches,
        "first_reported": first_reported([m for m in matches if m["similarity"] == 1]),
    }


def claim_resource(claim: engine.Claim, speaker: str | None, source_id: str | None) -> dict:
    """Return the claim as parsed: its normalised words, pieces and editorial insertions."""
    return {
        "text": claim.text, "normalized": claim.normalized, "speaker": speaker,
        "source": source_id, "omissions": claim.omissions,
        "pieces": [{"text": p.text, "start": p.start, "end": p.end} for p in claim.pieces],
        "insertions": [{"text": i.text, "start": i.start, "end": i.end} for i in claim.insertions],
    }


def match_resource(match: engine.Match, refs: dict) -> dict:
    """Return one match as JSON: where the words stand and whose quote they are."""
    quote = match.quote
    speaker = None
    if quote is not None and quote.speaker_id:
        speaker = {"id": quote.speaker_id, "name": quote.speaker_name}
    return {
        "source": refs[match.source_id], "span": {"start": match.start, "end": match.end},
        "text": match.text, "location": match.location,
        "quote_id": quote.quote_id if quote else None, "speaker": speaker,
        "speaker_matches": match.speaker_matches, "similarity": match.similarity,
        "pieces": [{"text": p.text, "span": {"start": p.start, "end": p.end},
                    "similarity": p.similarity} for p in match.pieces],
        "diff": [{"op": d.op, "claimed": d.claimed, "source": d.source} for d in match.diff],
    }


def first_reported(entries: list[dict]) -> dict | None:
    """Return the entry from the earliest-published source (undated sources last)."""
    dated = sorted(entries, key=_publication_order)
    return {key: dated[0][key] for key in REPORTED} if dated else None


def _publication_order(entry: dict) -> tuple:
    published = entry["source"]["published"]
    return published is None, published or "", entry["source"]["id"]


def recheck_resource(recheck: QuoteRecheck) -> dict:
    """Return a stored quote's re-check as JSON, other sources with its words earliest first."""
    row = recheck.quote
    source = {key: row[f"source_{key}"] for key in SOURCE_BRIEF}
    speaker = {"id": row["speaker_id"], "name": row["name"]} if row["speaker_id"] else None
    own = {"source": source, "span": {"start": row["start"], "end": row["end"]},
           "quote_id": row["id"], "speaker": speaker}
    also_in = sorted(({key: value for key, value in match_resource(m, recheck.refs).items()
                       if key in (*REPORTED, "location")} for m in recheck.also_in),
                     key=lambda entry: (*_publication_order(entry), entry["span"]["start"]))
    return {"quote_id": row["id"], "text": row["text"], "speaker": speaker,
            "source": {**source, "sha256": row["sha256"]},
            "checks": integrity_resource(recheck.integrity), "intact": recheck.integrity.intact,
            "also_in": also_in, "first_reported": first_reported([own] + also_in)}


def integrity_resource(checked: engine.Integrity) -> dict:
    """Return the integrity checks as JSON."""
    found = checked.found_at
    return {
        "sha256": {"ok": checked.sha256_ok, "stored": checked.stored_sha256,
                   "computed": checked.computed_sha256},
        "span": {"ok": checked.span_ok,
                 "found": {"start": found[0], "end": found[1]} if found else None},
        "context": {"ok": checked.context_ok, "prefix": checked.prefix_ok,
                    "suffix": checked.suffix_ok},
    }
