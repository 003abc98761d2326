"""Settings for `bench/bench_http.py`: the app's own settings plus one trivial view to compare against."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.loadtest.urls"
