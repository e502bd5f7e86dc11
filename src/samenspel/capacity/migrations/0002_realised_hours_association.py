# Realised hours name their association, and are unique per association: an organisation
# in two associations records its role hours (no portfolio) in each.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def hours_to_their_association(apps, schema_editor):
    """Hours on a portfolio are that portfolio's association's; hours on the roles (no
    portfolio) were the one association's. The history rows are filled the same way."""
    Association = apps.get_model("organisations", "Association")
    Portfolio = apps.get_model("organisations", "Portfolio")
    portfolio_association = Subquery(
        Portfolio.objects.filter(pk=OuterRef("portfolio_id")).values("association_id")[:1]
    )
    rest = []
    for name in ("RealisedHours", "HistoricalRealisedHours"):
        model = apps.get_model("capacity", name)
        model.objects.filter(association__isnull=True, portfolio_id__isnull=False).update(
            association_id=portfolio_association
        )
        rest.append(model.objects.filter(association__isnull=True))
    if any(rows.exists() for rows in rest):
        slug = settings.SAMENSPEL_DEFAULT_ASSOCIATION
        association, _created = Association.objects.get_or_create(
            slug=slug,
            defaults={"name": settings.SAMENSPEL_ASSOCIATION_NAME, "short_name": slug.upper()},
        )
        for rows in rest:
            rows.update(association_id=association.pk)
    if schema_editor.connection.vendor == "postgresql":
        # Check the new references now: PostgreSQL refuses to alter a table (the NOT NULL
        # below) while deferred checks of its rows are pending.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


class Migration(migrations.Migration):

    dependencies = [
        ("capacity", "0001_initial"),
        ("organisations", "0004_association_memberships"),
    ]

    operations = [
        migrations.AddField(
            model_name="realisedhours",
            name="association",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="realised_hours",
                to="organisations.association",
                verbose_name="samenwerkingsverband",
            ),
        ),
        migrations.AddField(
            model_name="historicalrealisedhours",
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
        migrations.RunPython(hours_to_their_association, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="realisedhours",
            name="association",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="realised_hours",
                to="organisations.association",
                verbose_name="samenwerkingsverband",
            ),
        ),
        migrations.RemoveConstraint(
            model_name="realisedhours",
            name="realised_hours_unique",
        ),
        migrations.RemoveConstraint(
            model_name="realisedhours",
            name="realised_hours_unique_without_portfolio",
        ),
        migrations.AddConstraint(
            model_name="realisedhours",
            constraint=models.UniqueConstraint(
                condition=models.Q(("portfolio__isnull", False)),
                fields=("association", "organisation", "portfolio", "year", "quarter"),
                name="realised_hours_unique",
            ),
        ),
        migrations.AddConstraint(
            model_name="realisedhours",
            constraint=models.UniqueConstraint(
                condition=models.Q(("portfolio__isnull", True)),
                fields=("association", "organisation", "year", "quarter"),
                name="realised_hours_unique_without_portfolio",
            ),
        ),
    ]
