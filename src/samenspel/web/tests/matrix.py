"""Who gets what on every URL: see test_permission_matrix.py for how to read a cell."""

ROLES = (
    "anoniem",
    "lezer",
    "voorzitter-gw",
    "kerngroep-ekm",
    "accounthouder-assen",
    "accounthouder-emmen",
    "bureau",
)

# URL name: (GET, POST), one cell per role in ROLES order. Reading aid: the demo's
# voorzitter-gw chairs Gezondheid en Welzijn, the portfolio of the agreement, proposal,
# meeting and evaluation used; kerngroep-ekm is in another portfolio's core group;
# accounthouder-assen holds the member used (Assen), accounthouder-emmen another one.
MATRIX: dict[str, tuple[str, str]] = {
    # accounts
    "accounts:account": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "accounts:login": ("200 302 302 302 302 302 302", "200 302 302 302 302 302 302"),
    "accounts:password_change": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "accounts:password_change_done": (
        "login 200 200 200 200 200 200",
        "login 405 405 405 405 405 405",
    ),
    "accounts:password_reset": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "accounts:password_reset_complete": (
        "200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405",
    ),
    "accounts:password_reset_confirm": (
        "200 200 200 200 200 200 200",
        "200 200 200 200 200 200 200",
    ),
    "accounts:password_reset_done": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    # admin
    "admin:index": ("302 302 302 302 302 302 200", "302 302 302 302 302 302 200"),
    # agenda
    "agenda:agreement": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "agenda:agreement_edit": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "agenda:agreements": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "agenda:milestone_reach": ("login 403 200 403 403 403 200", "login 403 302 403 403 403 302"),
    "agenda:overview": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "agenda:portfolio": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "agenda:timeline": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "agenda:update_add": ("405 405 405 405 405 405 405", "login 403 400 403 403 403 400"),
    "agenda:update_correct": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "agenda:update_withdraw": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    # capacity
    "capacity:overview": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "capacity:record": ("login 403 403 403 200 403 200", "login 403 403 403 200 403 200"),
    # decisions
    "decisions:coalition": ("login 403 403 403 403 403 302", "login 403 403 403 403 403 302"),
    "decisions:create": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "decisions:decide": ("login 403 403 403 200 403 200", "login 403 403 403 200 403 200"),
    "decisions:decision_correct": (
        "login 403 403 403 200 403 200",
        "login 403 403 403 200 403 200",
    ),
    "decisions:decision_document": (
        "login 403 200 403 200 403 200",
        "login 403 200 403 200 403 200",
    ),
    "decisions:default_template": (
        "login 200 200 200 200 200 200",
        "login 200 200 200 200 200 200",
    ),
    "decisions:detail": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "decisions:document": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "decisions:edit": ("login 403 302 403 403 403 302", "login 403 302 403 403 403 302"),
    "decisions:list": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "decisions:my_organisation": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "decisions:participant": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "decisions:pho": ("login 403 302 403 403 403 302", "login 403 302 403 403 403 302"),
    "decisions:send": ("login 403 302 403 403 403 302", "login 403 302 403 403 403 302"),
    "decisions:template_delete": ("login 403 403 403 403 403 200", "login 403 403 403 403 403 302"),
    "decisions:templates": ("login 403 403 403 403 403 200", "login 403 403 403 403 403 200"),
    "decisions:withdraw": ("login 403 302 403 403 403 302", "login 403 302 403 403 403 302"),
    "decisions:zip": ("405 405 405 405 405 405 405", "login 302 302 302 302 302 302"),
    # finance
    "finance:claim_paid": ("login 403 403 403 403 403 200", "login 403 403 403 403 403 200"),
    "finance:contributions": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "finance:fund_spending_add": ("login 403 403 403 403 403 200", "login 403 403 403 403 403 200"),
    "finance:overview": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "finance:project": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "finance:projects": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "finance:year_edit": ("login 403 403 403 403 403 200", "login 403 403 403 403 403 200"),
    "finance:year_invoice": ("login 403 403 403 403 403 200", "login 403 403 403 403 403 200"),
    # project
    "healthz": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "set_language": ("302 302 302 302 302 302 302", "302 302 302 302 302 302 302"),
    # jobs: an agenda mail the chair had sent (matrix_objects.py)
    "jobs:detail": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "jobs:download": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "jobs:list": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "jobs:retry": ("405 405 405 405 405 405 405", "login 403 302 403 403 403 302"),
    # meetings
    "meetings:action_add": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "meetings:action_close": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "meetings:actions": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "meetings:agenda_pdf": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "meetings:attendance": ("405 405 405 405 405 405 405", "login 403 302 403 403 403 302"),
    "meetings:backlog_add": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "meetings:body_feed": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "meetings:create": ("login 403 200 200 403 403 200", "login 403 200 200 403 403 200"),
    "meetings:decisions": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "meetings:detail": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "meetings:document_add": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "meetings:download": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "meetings:edit": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "meetings:generate": ("405 405 405 405 405 405 405", "login 403 403 403 403 403 302"),
    "meetings:guest_add": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "meetings:ics": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "meetings:invitation_remove": (
        "login 403 200 403 403 403 200",
        "login 403 200 403 403 403 200",
    ),
    "meetings:invitation_restore": ("405 405 405 405 405 405 405", "login 403 302 403 403 403 302"),
    "meetings:item_add": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "meetings:item_edit": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "meetings:item_move": ("405 405 405 405 405 405 405", "login 403 302 403 403 403 302"),
    "meetings:list": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "meetings:minutes_approve": ("login 403 302 403 403 403 302", "login 403 302 403 403 403 302"),
    "meetings:minutes_correct": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "meetings:minutes_edit": ("login 403 302 403 403 403 302", "login 403 302 403 403 403 302"),
    "meetings:minutes_mark": ("login 403 302 403 403 403 302", "login 403 302 403 403 403 302"),
    "meetings:my_calendar": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "meetings:my_calendar_reset": ("405 405 405 405 405 405 405", "login 404 302 302 302 404 404"),
    "meetings:outcome_add": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "meetings:person_feed": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "meetings:public": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "meetings:refresh": ("405 405 405 405 405 405 405", "login 403 302 403 403 403 302"),
    "meetings:schedule": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "meetings:schedule_pdf": ("405 405 405 405 405 405 405", "login 302 302 302 302 302 302"),
    "meetings:send": ("login 403 302 403 403 403 302", "login 403 302 403 403 403 302"),
    "meetings:status": ("login 403 302 403 403 403 302", "login 403 302 403 403 403 302"),
    "meetings:version_add": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    # organisations
    "organisations:logo": ("404 404 404 404 404 404 404", "405 405 405 405 405 405 405"),
    "organisations:stylesheet": ("404 404 404 404 404 404 404", "405 405 405 405 405 405 405"),
    "organisations:bodies": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "organisations:body": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "organisations:body_edit": ("login 403 403 403 403 403 200", "login 403 403 403 403 403 200"),
    "organisations:detail": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "organisations:edit": ("login 403 403 403 403 403 200", "login 403 403 403 403 403 200"),
    "organisations:governance": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "organisations:inhabitants_add": (
        "login 403 403 403 403 403 200",
        "login 403 403 403 403 403 200",
    ),
    "organisations:list": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "organisations:membership_end": (
        "login 403 403 403 403 403 200",
        "login 403 403 403 403 403 200",
    ),
    "organisations:membership_start": (
        "login 403 403 403 403 403 200",
        "login 403 403 403 403 403 200",
    ),
    "organisations:person": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "organisations:person_create": (
        "login 403 403 403 403 403 200",
        "login 403 403 403 403 403 200",
    ),
    "organisations:person_edit": ("login 403 403 403 403 403 200", "login 403 403 403 403 403 200"),
    "organisations:post_add": ("login 403 403 403 403 403 200", "login 403 403 403 403 403 200"),
    # pages (web: the accessibility statement and the help; the public pages' help is open)
    "pages:accessibility": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "pages:help": ("login 200 200 200 200 200 200", "login 405 405 405 405 405 405"),
    "pages:help_index": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "pages:help_public": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    # public
    "public:agreement": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "public:index": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    "public:portfolio": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    # reports
    "reports:download": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "reports:evaluation": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "reports:evaluation_index": ("login 302 302 302 302 302 302", "login 302 302 302 302 302 302"),
    "reports:evaluation_status": ("login 403 403 403 403 403 302", "login 403 403 403 403 403 302"),
    "reports:evaluation_portfolio": (
        "login 200 200 200 200 200 200",
        "login 200 200 200 200 200 200",
    ),
    "reports:follow": ("405 405 405 405 405 405 405", "login 404 404 404 404 404 404"),
    "reports:follows": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "reports:judgement": ("login 403 200 403 403 403 200", "login 403 200 403 403 403 200"),
    "reports:list": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "reports:make": ("405 405 405 405 405 405 405", "login 302 302 302 302 302 302"),
    "reports:page": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "reports:stored": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    "reports:unfollow": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
    # web
    "web:dashboard": ("login 200 200 200 200 200 200", "login 200 200 200 200 200 200"),
    # The search page is for everyone: the public agenda only without a role here.
    "web:search": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
}


# The API's rows live beside each app's resources (`<app>/tests/api_matrix.py`: API_MATRIX
# and api_matrix_arguments(agenda)), so that the API answers to the same matrix as the
# pages: one set of roles, one set of outcomes (401 is "not signed in" for the API).
API_MATRIX_MODULES = (
    "samenspel.api.tests.api_matrix",
    "samenspel.api.tests.matrix_tokens",
    "samenspel.agenda.tests.api_matrix",
    "samenspel.decisions.tests.api_matrix",
    "samenspel.finance.tests.api_matrix",
    "samenspel.capacity.tests.api_matrix",
    "samenspel.meetings.tests.api_matrix",
    "samenspel.reports.tests.api_matrix",
    "samenspel.notifications.tests.api_matrix",
    "samenspel.opendata.tests.api_matrix",
    # Sign-in pages (issue 17): one module per part, beside its tests.
    "samenspel.accounts.tests.matrix_oidc",
    "samenspel.accounts.tests.matrix_second_factor",
    "samenspel.accounts.tests.matrix_webauthn",
    "samenspel.accounts.tests.matrix_invitations",
    "samenspel.accounts.tests.matrix_history",
    "samenspel.accounts.tests.matrix_users",
)


def api_matrix_modules():
    from importlib import import_module

    for name in API_MATRIX_MODULES:
        try:
            yield import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise


for _module in api_matrix_modules():
    MATRIX.update(_module.API_MATRIX)
