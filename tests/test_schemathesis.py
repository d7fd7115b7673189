"""Every operation of the app's own OpenAPI document, fuzzed in-process with schemathesis.

Positive and negative data, reads and authenticated writes (on a private copy of the corpus):
no 5xx ever, and every answer has a status, content type, headers and body its operation
declares.
"""
import sqlite3
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import load_all_checks, not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance,
                                               missing_required_header,
                                               negative_data_rejection,
                                               positive_data_acceptance,
                                               response_headers_conformance,
                                               response_schema_conformance,
                                               status_code_conformance)

from api import create_app
from tests import schemathesis_hooks  # noqa: F401 (registers: generated cursors are real tokens)
from tests.conftest import TOKENS, build_corpus_db

load_all_checks()
# Schemathesis calls the app in-process (WSGI), where nothing un-gzips a body as an HTTP client
# would: ask for bodies as they are (gzip has its own tests in test_headers.py).
AUTH = {"Authorization": "Bearer alice-secret-token", "Accept-Encoding": "identity"}


def status_code_declared(ctx, response, case):
    """Stricter than status_code_conformance, which any `default` satisfies: list each status."""
    method = case.method.upper()
    if method != case.operation.method.upper():
        # Flask answers OPTIONS (CORS preflight) and HEAD itself; other methods are 405.
        answers_itself = method == "OPTIONS" or (method == "HEAD" and
                                                 case.operation.method.upper() == "GET")
        assert response.status_code == (200 if answers_itself else 405), (
            f"{method} {case.path} answered {response.status_code}")
        return
    declared = set(case.operation.responses.status_codes) - {"default"}
    assert str(response.status_code) in declared, (
        f"{case.operation.label} answered {response.status_code}, declares {sorted(declared)}")


# The writes schemathesis.toml exempts from the positive-data check (rules JSON Schema cannot
# state); the CLI reads that file, a check list given in process is run as given.
BUSINESS_RULES = {"createSource"}


def schema_valid_data_accepted(ctx, response, case):
    """positive_data_acceptance, except on the writes with rules the document cannot state."""
    if case.operation.definition.raw.get("operationId") not in BUSINESS_RULES:
        return positive_data_acceptance(ctx, response, case)
    return None


CHECKS = [status_code_declared, not_a_server_error, status_code_conformance,
          content_type_conformance, response_schema_conformance, response_headers_conformance,
          schema_valid_data_accepted]


def fuzzed_app():
    """An app on a private corpus copy with tokens and no effective rate limits.

    Built at import: schemathesis makes one test per operation from a schema it has at
    collection time (its fixture-based loader does not run under pytest 9).
    """
    path = build_corpus_db(Path(TMP.name) / "fuzz.db")
    return create_app({"DB": str(path), "TESTING": True, "TOKENS": TOKENS,
                       "WRITE_RATE_LIMIT": "1000000/minute",
                       "CHECK_RATE_LIMIT": "1000000/minute"})


def stored_ids(app) -> dict[str, list[str]]:
    """Return the ids in the app's database, so the fuzzer also reaches existing resources."""
    conn = sqlite3.connect(app.config["DB"])
    ids = {name: sorted(row[0] for row in conn.execute(f"SELECT id FROM {table}"))
           for name, table in (("quote_id", "quotes"), ("source_id", "sources"),
                               ("speaker_id", "speakers"))}
    conn.close()
    return ids


TMP = tempfile.TemporaryDirectory(prefix="verbatim-fuzz-")
APP = fuzzed_app()
IDS = stored_ids(APP)
schema = schemathesis.openapi.from_wsgi("/openapi.json", APP)
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
                                deterministic=True)


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    """Half the time, put stored ids in the path instead of generated strings."""
    real = {name: st.sampled_from(IDS[name]) for name in path_parameters or {} if name in IDS}
    if not real:
        return st.just(path_parameters)
    fixed = {name: st.just(value) for name, value in path_parameters.items()}
    return st.one_of(st.just(path_parameters), st.fixed_dictionaries({**fixed, **real}))


@schema.hook
def flatmap_body(context, body):
    """Half the time, name stored sources and quotes in the body (`source`, `ids`)."""
    if not isinstance(body, dict):
        return st.just(body)
    real = {}
    if isinstance(body.get("source"), str):
        real["source"] = st.sampled_from(IDS["source_id"])
    if isinstance(body.get("ids"), list) and body["ids"]:
        real["ids"] = st.lists(st.sampled_from(IDS["quote_id"]), min_size=1, max_size=3)
    if not real:
        return st.just(body)
    fixed = {name: st.just(value) for name, value in body.items()}
    return st.one_of(st.just(body), st.fixed_dictionaries({**fixed, **real}))


@schema.parametrize()
@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_every_operation_conforms(case):
    case.call_and_validate(headers=AUTH, checks=CHECKS)


# Invalid data alone, with none of the hooks above (which would make some of it valid again):
# every request the document rules out is refused (schemathesis.toml: 413 is a refusal too),
# and a write without its Authorization header is 401.
strict = schemathesis.openapi.from_wsgi("/openapi.json", APP)
strict.config.generation.update(modes=[GenerationMode.NEGATIVE], deterministic=True)


@strict.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_every_request_the_document_rules_out_is_refused(case):
    case.call_and_validate(headers=AUTH, checks=[not_a_server_error, negative_data_rejection,
                                                 missing_required_header])
