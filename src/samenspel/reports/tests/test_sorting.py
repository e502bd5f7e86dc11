"""The list of stored reports sorts on the server by `?sorteer=`."""

import datetime as dt

from samenspel.accounts.models import User
from samenspel.reports.models import GeneratedReport
from samenspel.web.tests.sorting_checks import assert_sorts


def test_the_stored_reports_sort_by_date_both_ways(client, vdg_demo_data):
    bureau = User.objects.get(username="bureau")
    association = vdg_demo_data.association  # the VDG agenda's, served on testserver
    for day, title in ((3, "Kwartaal B"), (1, "Kwartaal A"), (2, "Jaar")):
        GeneratedReport.objects.create(
            association=association,
            kind="quarterly",
            title=title,
            as_of=dt.date(2025, 1, day),
            format="pdf",
            file=f"rapportages/2025/test-{day}.pdf",
            created_by=bureau,
        )
    client.force_login(bureau)
    assert_sorts(client, "/rapportages/", "stand", lambda r: r.as_of, filters="x=1")
