"""Provenance engine: is a claimed quotation verbatim, altered, misattributed or not a quote?

Pure functions over text (no Flask, no SQLite); api/store/provenance.py feeds it candidates.
"""
from api.provenance.claim import MAX_CLAIM_CHARS, Claim, has_words, literal_claim, parse_claim
from api.provenance.integrity import Integrity, check_integrity
from api.provenance.verdict import (THRESHOLD, VERDICTS, CheckResult, ClaimedSpeaker, Match,
                                    QuoteSpan, SourceDoc, check, might_match,
                                    worth_aligning)

__all__ = ["MAX_CLAIM_CHARS", "THRESHOLD", "VERDICTS", "CheckResult", "Claim", "ClaimedSpeaker",
           "Integrity", "Match", "QuoteSpan", "SourceDoc", "check", "check_integrity", "has_words",
           "literal_claim", "might_match", "parse_claim",
           "worth_aligning"]
