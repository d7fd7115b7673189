"""A client generated from the served /openapi.json type-checks in strict mode.

openapi-typescript (pinned in tests/client/package-lock.json, installed by `make test`) turns
the document into types; tsc --strict compiles a small consumer of a quote page, a citation and
a provenance check, and refuses one that reads a quote's speaker without a null check.
"""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

CLIENT = Path(__file__).resolve().parent / "client"
BIN = CLIENT / "node_modules" / ".bin"
TSC_FLAGS = ["--strict", "--noEmit", "--noUncheckedIndexedAccess", "--target", "ES2022",
             "--module", "ESNext", "--moduleResolution", "Bundler"]

pytestmark = pytest.mark.skipif(shutil.which("node") is None,
                                reason="node is not installed: no TypeScript client to generate")


@pytest.fixture
def generated(client, tmp_path) -> Path:
    """Return a folder holding schema.d.ts, generated from the served document, and consumers."""
    assert (BIN / "tsc").exists(), "tests/client/node_modules is missing: run `make test`"
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(client.get("/openapi.json").get_json()), encoding="utf-8")
    run([BIN / "openapi-typescript", spec, "--output", tmp_path / "schema.d.ts"])
    for consumer in ("consumer.ts", "bad_consumer.ts"):
        shutil.copy(CLIENT / consumer, tmp_path / consumer)
    return tmp_path


def run(command: list, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], capture_output=True, text=True,
                          timeout=120, check=check, cwd=CLIENT)


def test_generated_client_compiles_a_consumer_in_strict_mode(generated):
    result = run([BIN / "tsc", *TSC_FLAGS, generated / "consumer.ts"], check=False)
    assert (result.returncode, result.stdout) == (0, "")


def test_speaker_without_a_null_check_does_not_compile(generated):
    result = run([BIN / "tsc", *TSC_FLAGS, generated / "bad_consumer.ts"], check=False)
    assert result.returncode == 2
    assert [line.split(": ", 1)[1] for line in result.stdout.splitlines()] == [
        "error TS18047: 'quote.speaker' is possibly 'null'."]


def test_generated_quote_type_is_exact(generated):
    types = (generated / "schema.d.ts").read_text(encoding="utf-8")
    assert 'speaker: components["schemas"]["SpeakerRef"] | null;' in types
    assert 'kind: "full" | "partial" | "indirect";' in types
    assert 'date_basis: "stated" | "relative" | "published" | null;' in types
