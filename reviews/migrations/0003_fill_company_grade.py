"""Copy each company's public grade onto its row from its review state (kept current by reviews.state).

A held card has no public grade, like its badges; a company without a review row keeps null.
"""

from django.db import migrations


def fill(apps, schema_editor):
    from django.db.models import OuterRef, Subquery

    Company = apps.get_model("policies", "Company")
    CardReview = apps.get_model("reviews", "CardReview")
    public = CardReview.objects.filter(company=OuterRef("pk"), held=False)
    Company.objects.update(grade=Subquery(public.values("grade")[:1]))


class Migration(migrations.Migration):
    dependencies = [("reviews", "0002_cardreview_views_and_queue_indexes"), ("policies", "0007_company_grade")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
