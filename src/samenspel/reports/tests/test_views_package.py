"""The reports pages live in `reports/views/` (one module per thing shown) and each keeps
the permission it declares."""

from django.urls import resolve, reverse

from samenspel.accounts import permissions

# URL name: (module under samenspel.reports.views, declared predicate)
DECLARED = {
    "list": ("reports", permissions.can_view_reports),
    "stored": ("reports", permissions.can_view_reports),
    "download": ("reports", permissions.can_view_reports),
    "page": ("reports", permissions.can_view_reports),
    "make": ("reports", permissions.can_view_reports),  # plus may_store, checked inside
    "follows": ("following", permissions.is_signed_in),
    "follow": ("following", permissions.is_signed_in),
    "unfollow": ("following", permissions.is_anyone),
    "evaluation_index": ("evaluation", permissions.can_view_reports),
    "evaluation": ("evaluation", permissions.can_view_reports),
    "evaluation_status": ("evaluation", permissions.can_run_evaluation_round),
    "evaluation_portfolio": ("evaluation", permissions.can_view_reports),
    "judgement": ("evaluation", permissions.can_judge_target),
}
ARGS = {
    "stored": [1],
    "download": [1],
    "page": ["kwartaal"],
    "make": ["kwartaal"],
    "unfollow": ["token"],
    "evaluation": [1],
    "evaluation_status": [1],
    "evaluation_portfolio": [1, "sport"],
    "judgement": [1, "afspraak", 2],
}


def test_every_reports_view_keeps_its_module_and_permission():
    from samenspel.reports.urls import urlpatterns

    assert sorted(p.name for p in urlpatterns) == sorted(DECLARED)
    for name, (module, predicate) in DECLARED.items():
        view = resolve(reverse(f"reports:{name}", args=ARGS.get(name, []))).func
        assert view.__module__ == f"samenspel.reports.views.{module}", name
        assert view.permission is predicate, name
