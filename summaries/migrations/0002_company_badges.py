"""Fill the company rows' card badges from the newest card of each current version."""

from django.db import migrations


def fill(apps, schema_editor):
    from django.db.models import OuterRef, Subquery

    Company = apps.get_model("policies", "Company")
    Summary = apps.get_model("summaries", "Summary")
    newest = Summary.objects.filter(version=OuterRef("current_version")).order_by("-created_at", "-pk")
    Company.objects.update(
        badge_sells=Subquery(newest.values("sells_data")[:1]),
        badge_ads=Subquery(newest.values("shares_with_advertisers")[:1]),
        badge_deletion=Subquery(newest.values("allows_deletion")[:1]),
        badge_gpc=Subquery(newest.values("honors_gpc")[:1]),
    )


class Migration(migrations.Migration):
    dependencies = [("summaries", "0001_initial"), ("policies", "0003_company_current_and_badges")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
