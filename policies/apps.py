from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "policies"

    def ready(self) -> None:
        from policies import login_cap  # noqa: F401 - connects the failed-log-in counter
