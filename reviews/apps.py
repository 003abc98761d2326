from django.apps import AppConfig
from django.core.signals import request_finished


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Reviews"

    def ready(self) -> None:
        from reviews import checks, popularity, signals  # noqa: F401 - registers the checks and receivers

        # After the response has gone out: counted views reach the database without a visitor waiting.
        request_finished.connect(popularity.flush_if_due, dispatch_uid="reviews-flush-views")
