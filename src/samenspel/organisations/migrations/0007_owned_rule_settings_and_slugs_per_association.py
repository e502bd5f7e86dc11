"""Governance rule settings become one association's; portfolio and body codes are unique
per association instead of across the installation (issue 14, docs/associations.md)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def settings_to_the_installations_association(apps, schema_editor):
    """Before associations, a rule switched off was switched off for the one association."""
    Association = apps.get_model("organisations", "Association")
    GovernanceRuleSetting = apps.get_model("organisations", "GovernanceRuleSetting")
    if not GovernanceRuleSetting.objects.filter(association__isnull=True).exists():
        return
    slug = settings.SAMENSPEL_DEFAULT_ASSOCIATION
    association, _created = Association.objects.get_or_create(
        slug=slug,
        defaults={"name": settings.SAMENSPEL_ASSOCIATION_NAME, "short_name": slug.upper()},
    )
    GovernanceRuleSetting.objects.filter(association__isnull=True).update(association=association)


def one_setting_per_rule(apps, schema_editor):
    """Going back to one setting per rule: keep the installation's association's."""
    GovernanceRuleSetting = apps.get_model("organisations", "GovernanceRuleSetting")
    seen = set()
    for setting in GovernanceRuleSetting.objects.order_by("association__slug", "pk"):
        if setting.code in seen:
            setting.delete()
        seen.add(setting.code)


def check_references_now(apps, schema_editor):
    """PostgreSQL checks foreign keys at commit; it refuses to alter a table (the NOT NULL
    that follows) while checks of rows updated above are pending, so run them now."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0006_association_branding"),
    ]

    operations = [
        migrations.AddField(
            model_name="governancerulesetting",
            name="association",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="rule_settings",
                to="organisations.association",
                verbose_name="samenwerkingsverband",
            ),
        ),
        migrations.AddField(
            model_name="historicalgovernancerulesetting",
            name="association",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="organisations.association",
                verbose_name="samenwerkingsverband",
            ),
        ),
        migrations.RunPython(settings_to_the_installations_association, one_setting_per_rule),
        migrations.RunPython(check_references_now, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="governancerulesetting",
            name="association",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="rule_settings",
                to="organisations.association",
                verbose_name="samenwerkingsverband",
            ),
        ),
        migrations.AlterField(
            model_name="governancerulesetting",
            name="code",
            field=models.SlugField(max_length=80, verbose_name="regel"),
        ),
        migrations.AlterField(
            model_name="body",
            name="slug",
            field=models.SlugField(max_length=80, verbose_name="code"),
        ),
        migrations.AlterField(
            model_name="portfolio",
            name="slug",
            field=models.SlugField(max_length=80, verbose_name="code"),
        ),
        migrations.AddConstraint(
            model_name="body",
            constraint=models.UniqueConstraint(
                fields=("association", "slug"), name="body_unique_slug"
            ),
        ),
        migrations.AddConstraint(
            model_name="governancerulesetting",
            constraint=models.UniqueConstraint(
                fields=("association", "code"), name="rule_setting_unique"
            ),
        ),
        migrations.AddConstraint(
            model_name="portfolio",
            constraint=models.UniqueConstraint(
                fields=("association", "slug"), name="portfolio_unique_slug"
            ),
        ),
    ]
