from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "policies"

    def ready(self) -> None:
        from django.contrib import admin

        from policies import login_cap  # connects the failed-log-in counter

        admin.site.login_form = login_cap.CappedLoginForm
