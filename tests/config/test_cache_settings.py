"""CACHE_URL is the one cache setting: pages and rate limits follow it, read from the environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from config.settings import caches_from_url

ROOT = Path(__file__).resolve().parents[2]


def settings_caches(**env: str) -> dict:
    """CACHES as a fresh process builds them from its environment (settings are read once)."""
    code = "import django, json; django.setup(); from django.conf import settings; print(json.dumps(settings.CACHES))"
    clean = {k: v for k, v in os.environ.items() if k not in {"CACHE_URL", "REDIS_URL"}}
    clean |= {"DJANGO_SETTINGS_MODULE": "config.settings", **env}
    out = subprocess.run([sys.executable, "-c", code], env=clean, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_redis_cache_url_reaches_the_page_cache_and_the_rate_limits():
    caches = settings_caches(CACHE_URL="redis://127.0.0.1:6379/4")
    assert caches["default"]["BACKEND"].endswith("RedisCache")
    assert caches["default"]["LOCATION"] == "redis://127.0.0.1:6379/4"
    assert caches["ratelimit"]["LOCATION"] == "redis://127.0.0.1:6379/4"
    assert caches["ratelimit"]["KEY_PREFIX"] == "fp-rl"  # its keys never meet a page's
    assert caches["counters"]["LOCATION"] == "redis://127.0.0.1:6379/4"
    assert caches["counters"]["KEY_PREFIX"] == "fp-views"


def test_without_redis_each_process_counts_on_its_own():
    caches = settings_caches()
    assert caches["default"]["BACKEND"].endswith("LocMemCache")
    assert caches["ratelimit"]["BACKEND"].endswith("LocMemCache")


def test_a_dummy_page_cache_still_counts_rate_limits():
    """dummy:// renders every page afresh (benchmarks); a dummy counter would never refuse."""
    assert caches_from_url("dummy://")["ratelimit"]["BACKEND"].endswith("LocMemCache")
