"""Loopback fetching is a test-only switch: off in the settings module and not settable from outside."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from policies.fetch import FetchConfig

ROOT = Path(__file__).resolve().parents[2]


def test_settings_module_keeps_loopback_off():
    import config.settings as module

    assert module.FETCH_ALLOW_LOOPBACK_FOR_TESTS is False


def test_configured_settings_keep_loopback_off_and_fetch_config_follows():
    from django.conf import settings

    assert settings.FETCH_ALLOW_LOOPBACK_FOR_TESTS is False
    assert FetchConfig.from_settings(settings).allow_loopback is False


def test_no_environment_variable_turns_loopback_on():
    env = {
        **os.environ,
        "FETCH_ALLOW_LOOPBACK_FOR_TESTS": "true",
        "ALLOW_LOOPBACK": "true",
        "DEBUG": "false",
        "SECRET_KEY": "x" * 50,
    }
    out = subprocess.run(
        [sys.executable, "-c", "import config.settings as s; print(s.FETCH_ALLOW_LOOPBACK_FOR_TESTS)"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "False"


def test_only_a_literal_true_turns_it_on():
    class Truthy:
        FETCH_USER_AGENT = "FineprintBot/1.0"
        FETCH_ALLOW_LOOPBACK_FOR_TESTS = "yes"

    assert FetchConfig.from_settings(Truthy).allow_loopback is False
