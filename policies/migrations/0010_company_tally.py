"""The browse page's counts: `CompanyTally`, kept exact by triggers (see `policies.tally`)."""

from django.db import migrations, models

from policies import tally


def up(apps, schema_editor):
    tally.install(schema_editor)


def down(apps, schema_editor):
    tally.uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("policies", "0009_company_website_trgm")]

    operations = [
        migrations.CreateModel(
            name="CompanyTally",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sells", models.CharField(max_length=16)),
                ("ads", models.SmallIntegerField()),
                ("deletion", models.SmallIntegerField()),
                ("gpc", models.SmallIntegerField()),
                ("sector", models.CharField(max_length=32)),
                ("grade", models.CharField(max_length=1)),
                ("n", models.IntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("sells", "ads", "deletion", "gpc", "sector", "grade"), name="company_tally_key"
                    )
                ],
            },
        ),
        migrations.RunPython(up, down),
    ]
