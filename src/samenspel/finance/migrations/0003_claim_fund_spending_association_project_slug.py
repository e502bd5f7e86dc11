# Claims and the contingency fund's spendings name their association; a project's slug is
# unique per association.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def _installations_association(apps):
    """The association of the installation before associations (as 0002 does it)."""
    Association = apps.get_model("organisations", "Association")
    slug = settings.SAMENSPEL_DEFAULT_ASSOCIATION
    association, _created = Association.objects.get_or_create(
        slug=slug,
        defaults={"name": settings.SAMENSPEL_ASSOCIATION_NAME, "short_name": slug.upper()},
    )
    return association


def claims_and_spendings_to_their_association(apps, schema_editor):
    """A claim of a project is that project's association's; a claim without a project (a
    contribution to the agenda budget) and a spending from the fund were the one
    association's. The history rows are filled the same way, so reports as of an earlier
    date find them under their association."""
    Project = apps.get_model("finance", "Project")
    project_association = Subquery(
        Project.objects.filter(pk=OuterRef("project_id")).values("association_id")[:1]
    )
    rest = []
    for name in ("Claim", "HistoricalClaim", "FundSpending", "HistoricalFundSpending"):
        model = apps.get_model("finance", name)
        if name.endswith("Claim"):
            model.objects.filter(association__isnull=True, project_id__isnull=False).update(
                association_id=project_association
            )
        rest.append(model.objects.filter(association__isnull=True))
    if any(rows.exists() for rows in rest):
        association = _installations_association(apps)
        for rows in rest:
            rows.update(association_id=association.pk)
    if schema_editor.connection.vendor == "postgresql":
        # Check the new references now: PostgreSQL refuses to alter a table (the NOT NULL
        # below) while deferred checks of its rows are pending.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


class Migration(migrations.Migration):

    dependencies = [
        ("finance", "0002_project_association"),
        ("organisations", "0004_association_memberships"),
    ]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="association",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="claims",
                to="organisations.association",
                verbose_name="samenwerkingsverband",
            ),
        ),
        migrations.AddField(
            model_name="historicalclaim",
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
        migrations.AddField(
            model_name="fundspending",
            name="association",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="fund_spendings",
                to="organisations.association",
                verbose_name="samenwerkingsverband",
            ),
        ),
        migrations.AddField(
            model_name="historicalfundspending",
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
        migrations.RunPython(claims_and_spendings_to_their_association, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="claim",
            name="association",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="claims",
                to="organisations.association",
                verbose_name="samenwerkingsverband",
            ),
        ),
        migrations.AlterField(
            model_name="fundspending",
            name="association",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="fund_spendings",
                to="organisations.association",
                verbose_name="samenwerkingsverband",
            ),
        ),
        migrations.AlterField(
            model_name="project",
            name="slug",
            field=models.SlugField(max_length=80),
        ),
        migrations.AddConstraint(
            model_name="project",
            constraint=models.UniqueConstraint(
                fields=("association", "slug"), name="project_slug_unique"
            ),
        ),
    ]
