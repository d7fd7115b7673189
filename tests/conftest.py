from pathlib import Path

import pytest

from api import create_app
from api.db import connect, init_schema
from api.store.ingest import store_source
from tests.corpus import ARTICLES
from tests.live import copy_db


def build_corpus_db(path: Path) -> Path:
    """Build a database holding the hand-annotated corpus."""
    db = connect(path)
    init_schema(db)
    for source, quotes in ARTICLES:
        result = store_source(db, source, quotes)
        assert result.refused == []
    db.close()
    return path


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    return build_corpus_db(tmp_path_factory.mktemp("corpus") / "verbatim.db")


@pytest.fixture
def app(corpus_db):
    return create_app({"DB": str(corpus_db), "TESTING": True, "SERVER_NAME": "api.test"})


@pytest.fixture
def client(app):
    return app.test_client()


TOKENS = "alice:alice-secret-token,bob:bob-secret-token"


@pytest.fixture
def auth_headers():
    return {"Authorization": "Bearer alice-secret-token"}


@pytest.fixture
def write_app(corpus_db, tmp_path):
    """An app on a private copy of the corpus, with tokens configured, for tests that write."""
    path = copy_db(corpus_db, tmp_path / "writable.db")
    return create_app({"DB": str(path), "TESTING": True, "SERVER_NAME": "api.test",
                       "TOKENS": TOKENS})


@pytest.fixture
def write_client(write_app):
    return write_app.test_client()
