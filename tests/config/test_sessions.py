"""Our session engines insert a new session without looking its key up first, and a key in use
(never drawn in practice) is still refused by the insert and drawn again."""

from importlib import import_module

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config import sessions

pytestmark = pytest.mark.django_db

ENGINES = ["config.sessions.db", "config.sessions.cached_db"]


def store(engine: str):
    return import_module(engine).SessionStore()


@pytest.mark.parametrize("engine", ENGINES)
def test_a_new_session_is_one_insert(engine):
    session = store(engine)
    session["feedback_receipts"] = {}
    with CaptureQueriesContext(connection) as statements:
        session.save()
    sql = [query["sql"] for query in statements.captured_queries]
    assert [s.split()[0] for s in sql if "SAVEPOINT" not in s] == ["INSERT"]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_key_in_use_is_drawn_again_and_the_other_session_kept(engine, monkeypatch):
    first = store(engine)
    first["who"] = "first"
    first.save()
    drawn = iter([first.session_key, "k" * 32])
    monkeypatch.setattr(sessions, "get_random_string", lambda *args: next(drawn))

    second = store(engine)
    second["who"] = "second"
    second.save()

    assert second.session_key == "k" * 32
    kept = {row.pk: row.get_decoded() for row in Session.objects.all()}
    assert kept == {first.session_key: {"who": "first"}, "k" * 32: {"who": "second"}}
