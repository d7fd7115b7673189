"""The README's examples, replayed in order on a fresh database built from seeds/ (what a fresh
`make run` serves): each `curl` line through the Flask test client, each `python -m api` line
through click's runner, in a temp dir holding the files they name (issue #17 point 6).

A line answers 2xx (exit status 0) unless its comment states another: `# 410 …` for a curl line,
`exit N` for a command line. The placeholders stand for what the README says they do: in "Try
it", QUOTE_ID and QUOTE_ID_2 the first two quotes the first list answers and SOURCE_ID the first
source `/v1/sources` lists; in the writes, SOURCE_ID and QUOTE_ID the ids the POSTs answered.
"""
from __future__ import annotations

import gzip
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from click.testing import CliRunner

from api import create_app
from api.cli import cli
from api.store.seeds import build_database

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BASE_URL = "http://localhost:8000"
TOKENS = "me:a-long-secret"  # the README's `VERBATIM_TOKENS=me:a-long-secret make run`
# Lines of other programs, not replayed here: make (the targets themselves), npx (the generated
# client: tests/test_client.py), schemathesis (the fuzzing: tests/test_schemathesis.py), nginx
# (the production proxy).
NOT_REPLAYED = {"make", "npx", ".venv/bin/schemathesis", "nginx"}
CLI = [".venv/bin/python", "-m", "api"]
SUBSTITUTION = "\0substitution\0"

ARTICLE = ("Budget vote\n\n“We will not raise taxes this year,” said Finance Minister Ada Brook "
           "on Tuesday.\n")
ARTIKEL = "Haushalt\n\n„Wir werden die Steuern nicht erhöhen“, sagte Jonas Weber am Dienstag.\n"
FILES = {"article.txt": ARTICLE, "artikel.txt": ARTIKEL,
         "page.html": (ROOT / "tests/pages/harbour.html").read_text(encoding="utf-8"),
         "saved-page.html": (ROOT / "tests/pages/library.html").read_text(encoding="utf-8")}


def shell_lines(markdown: str) -> list[str]:
    """Return the lines of the README's ```sh blocks in order, continuations joined."""
    lines = []
    for block in re.findall(r"^```sh\n(.*?)^```", markdown, re.M | re.S):
        lines += block.replace("\\\n", " ").splitlines()
    return [line.strip() for line in lines if line.strip()]


def split_comment(line: str) -> tuple[str, str]:
    """Split a shell line into its command and its comment (after an unquoted `#`)."""
    quote = None
    for index, char in enumerate(line):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1].isspace()):
            return line[:index].strip(), line[index + 1:].strip()
    return line.strip(), ""


def take_substitution(command: str) -> tuple[str, str | None]:
    """Replace a `"$(…)"` command substitution by a marker; return the command and its inside."""
    start = command.find('"$(')
    if start < 0:
        return command, None
    depth, quote, index = 0, None, start + 1
    for index in range(start + 1, len(command)):
        char = command[index]
        if quote:
            quote = None if char == quote else quote
        elif char == "'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                break
    assert command[index + 1] == '"', command
    return command[:start] + SUBSTITUTION + command[index + 2:], command[start + 3:index]


class Replay:
    """The README's session: variables, placeholders learnt from answers, a temp dir."""

    def __init__(self, client, directory: Path, db_path: Path):
        self.client, self.directory, self.db_path = client, directory, db_path
        self.variables: dict[str, str] = {}
        self.ids: dict[str, str] = {}

    def words(self, command: str) -> list[str]:
        """Split a command into words, expanding $VARIABLES and the placeholders."""
        words = shlex.split(command)
        for name, value in self.variables.items():
            words = [word.replace(f"${name}", value) for word in words]
        for name in sorted(self.ids, key=len, reverse=True):  # QUOTE_ID_2 before QUOTE_ID
            words = [word.replace(name, self.ids[name]) for word in words]
        return words

    def substitute(self, inside: str) -> str:
        """Run a command substitution: a pipeline of curl and python3 -c stages."""
        output = None
        for stage in split_pipeline(inside):
            words = self.words(stage)
            if words[0] == "curl":
                output = decoded(self.curl(words)[1]).decode()
            else:
                assert words[0] == "python3", stage
                output = subprocess.run([sys.executable, *words[1:]], input=output, text=True,
                                        capture_output=True, check=True,
                                        cwd=self.directory).stdout
        return output.rstrip("\n")

    def curl(self, words: list[str]):
        """Send a curl command line's request; return (its request, the answer)."""
        method, headers, body, url, output = None, {}, None, None, None
        args = iter(words[1:])
        for word in args:
            if word in ("-s", "-i"):
                continue
            if word == "--compressed":
                headers["Accept-Encoding"] = "gzip"
            elif word == "-X":
                method = next(args)
            elif word == "-H":
                name, _, value = next(args).partition(":")
                headers[name.strip()] = value.strip()
            elif word == "-d":
                body = next(args)
            elif word == ">":
                output = next(args)
            else:
                assert not word.startswith("-") and url is None, f"curl option not replayed: {word}"
                url = word if "://" in word else f"http://{word}"
        method = method or ("POST" if body is not None else "GET")
        parts = urlsplit(url)
        answer = self.client.open(parts.path, method=method, headers=headers, data=body,
                                  query_string=parts.query, base_url=f"http://{parts.netloc}")
        if output:
            (self.directory / output).write_bytes(decoded(answer))
        self.learn_ids(method, parts.path, answer)
        return (method, parts.path, headers), answer

    def learn_ids(self, method: str, path: str, answer) -> None:
        """Bind the placeholders as the README says they are chosen."""
        if answer.status_code >= 300 or not answer.is_json or not decoded(answer):
            return
        body = json.loads(decoded(answer))
        if method == "POST" and path == "/v1/sources":  # the writes: ids of their own
            self.ids = {"SOURCE_ID": body["id"]}
        elif method == "POST" and path == "/v1/quotes":
            self.ids["QUOTE_ID"] = body["id"]
        elif method == "GET" and path == "/v1/quotes" and "QUOTE_ID" not in self.ids:
            self.ids.update(QUOTE_ID=body["data"][0]["id"], QUOTE_ID_2=body["data"][1]["id"])
        elif method == "GET" and path == "/v1/sources" and "SOURCE_ID" not in self.ids:
            self.ids["SOURCE_ID"] = body["data"][0]["id"]


def decoded(answer) -> bytes:
    """Return an answer's body as curl --compressed writes it: gunzipped."""
    body = answer.get_data()
    return gzip.decompress(body) if answer.headers.get("Content-Encoding") == "gzip" else body


def split_pipeline(command: str) -> list[str]:
    """Split a pipeline at its unquoted `|`."""
    stages, quote, start = [], None, 0
    for index, char in enumerate(command):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "|":
            stages.append(command[start:index])
            start = index + 1
    return [stage.strip() for stage in [*stages, command[start:]]]


def expected_status(comment: str) -> int | None:
    """Return the status a curl line's comment states (`# 410 …`), else None (any 2xx)."""
    match = re.match(r"(\d{3})\b", comment)
    return int(match.group(1)) if match else None


def expected_exit(comment: str) -> int:
    """Return the exit status a command line's comment states (`exit N`), else 0."""
    match = re.search(r"\bexit (\d+)\b", comment)
    return int(match.group(1)) if match else 0


def replay_line(replay: Replay, line: str) -> str | None:
    """Replay one README line; return what went wrong, or None."""
    command, comment = split_comment(line)
    if not command:  # a comment's second line
        return None
    command, inside = take_substitution(command)
    if len(shlex.split(command)) == 1 and re.match(r"[A-Z_]+=", command):  # NAME='value'
        name, _, value = shlex.split(command)[0].partition("=")
        replay.variables[name] = value
        return None
    output = replay.substitute(inside) if inside else ""
    words = [word.replace(SUBSTITUTION, output) for word in replay.words(command)]
    program = next(word for word in words if not re.match(r"[A-Z_]+=", word))
    if program in NOT_REPLAYED:
        return None
    if words[:3] == CLI:
        return replay_cli(replay, words[3:], expected_exit(comment))
    assert words[0] == "curl", f"a README line the test cannot replay: {line}"
    (method, path, headers), answer = replay.curl(words)
    status = expected_status(comment)
    if status is None and not 200 <= answer.status_code < 300 or status not in (
            None, answer.status_code):
        return f"{answer.status_code} {decoded(answer)[:300].decode(errors='replace')}"
    if "X-Request-Id" in headers and answer.headers["X-Request-Id"] != headers["X-Request-Id"]:
        return "X-Request-Id not echoed"
    if "Accept-Encoding" in headers and answer.headers.get("Content-Encoding") != "gzip":
        return "not gzipped"
    return None


def replay_cli(replay: Replay, args: list[str], expected: int) -> str | None:
    """Run one `python -m api` line in the temp dir, its output redirected as written."""
    output = None
    if ">" in args:
        args, output = args[:args.index(">")], args[args.index(">") + 1]
    result = CliRunner().invoke(cli, args, env={"VERBATIM_DB": str(replay.db_path)})
    if output:
        (replay.directory / output).write_text(result.stdout, encoding="utf-8")
    if result.exit_code != expected:
        return f"exit {result.exit_code}: {result.output[-300:]}"
    return None


def test_every_readme_example_runs_in_order_on_a_fresh_seeded_database(tmp_path, monkeypatch):
    db_path = tmp_path / "verbatim.db"
    build_database(db_path)
    app = create_app({"DB": str(db_path), "TOKENS": TOKENS, "RATELIMIT_STORAGE_URI": "memory://"})
    for name, content in FILES.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    replay = Replay(app.test_client(), tmp_path, db_path)
    lines = shell_lines(README.read_text(encoding="utf-8"))
    failures = [(line, problem) for line in lines
                if (problem := replay_line(replay, line)) is not None]
    assert not failures, "\n".join(f"{line}\n    -> {problem}" for line, problem in failures)
    assert sum(line.startswith("curl") for line in lines) >= 30  # every block was read
    assert sum(line.startswith(CLI[0]) for line in lines) >= 10


def test_the_replay_reads_what_each_line_states():
    assert split_comment("curl -s 'a?b#c' -H \"x # y\"   # 410: gone") == (
        "curl -s 'a?b#c' -H \"x # y\"", "410: gone")
    assert take_substitution('''curl -s "$(curl -s 'u' | python3 -c 'f(x)["n"]')"  # next''') == (
        f"curl -s {SUBSTITUTION}  # next", "curl -s 'u' | python3 -c 'f(x)[\"n\"]'")
    assert split_pipeline("curl -s 'a|b' | python3 -c 'x'") == ["curl -s 'a|b'", "python3 -c 'x'"]
    assert [expected_status(c) for c in ("410: deleted", "then 410", "")] == [410, None, None]
    assert [expected_exit(c) for c in ("exit 1 while served", "exit 0 only if", "")] == [1, 0, 0]
