"""`manage.py reparse`: brings cards up to the current parser without touching versions."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from policies.ingest import from_text
from policies.models import PolicyVersion
from summaries.models import Summary
from summaries.parser import PARSER_VERSION, summarize
from summaries.recording import record_version


def reparse(*args: str) -> str:
    out = StringIO()
    call_command("reparse", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def versions(company):
    texts = ["We collect your e-mail address.", "We collect your e-mail address and phone number."]
    made = [record_version(company, from_text(t), original=t.encode()).version for t in texts]
    Summary.objects.all().delete()
    old_card = {**summarize(texts[0]), "parser_version": "0.0.0-old"}
    Summary.objects.create(version=made[0], parser_version="0.0.0-old", card=old_card)
    return made


@pytest.mark.django_db
def test_reparses_only_versions_without_a_current_card(versions):
    before = [(v.pk, v.text, v.sha256) for v in PolicyVersion.objects.order_by("pk")]
    out = reparse()
    assert "[1/2]" in out and "[2/2]" in out
    for version in versions:
        assert Summary.objects.filter(version=version, parser_version=PARSER_VERSION).count() == 1
    assert Summary.objects.filter(parser_version="0.0.0-old").count() == 1  # older cards are kept
    assert [(v.pk, v.text, v.sha256) for v in PolicyVersion.objects.order_by("pk")] == before


@pytest.mark.django_db
def test_second_run_has_nothing_to_do(versions):
    reparse()
    assert "Every version is summarised" in reparse()


@pytest.mark.django_db
def test_interrupted_run_resumes_where_it_stopped(versions, monkeypatch):
    from summaries.management.commands import reparse as command

    calls = {"n": 0}
    real = command.summarize_version

    def dies_on_second(version):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(version)

    monkeypatch.setattr(command, "summarize_version", dies_on_second)
    with pytest.raises(KeyboardInterrupt):
        reparse()
    monkeypatch.setattr(command, "summarize_version", real)
    assert Summary.objects.filter(parser_version=PARSER_VERSION).count() == 1
    assert "[1/1]" in reparse()
    assert Summary.objects.filter(parser_version=PARSER_VERSION).count() == 2


@pytest.mark.django_db
def test_all_replaces_current_cards_in_place(versions):
    reparse()
    reparse("--all")
    assert Summary.objects.filter(parser_version=PARSER_VERSION).count() == 2
