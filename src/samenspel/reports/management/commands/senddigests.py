"""`samenspel senddigests [--dry-run] [--association A]`: the weekly e-mail of what changed in
what people follow of one association."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string

from samenspel.accounts.models import User
from samenspel.organisations.command_options import association_argument, association_from
from samenspel.reports.following import digest_for, digest_mark_sent


class Command(BaseCommand):
    help = (
        "Verstuur de wekelijkse samenvatting van wat veranderde in wat gebruikers volgen. "
        "Een wijziging wordt nooit twee keer aan dezelfde persoon gestuurd."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Laat zien wat verstuurd zou worden."
        )
        association_argument(parser)

    def handle(self, *args, dry_run: bool = False, **options):
        association = association_from(options)
        users = User.objects.filter(follows__association=association, is_active=True).distinct()
        sent = 0
        for user in users.order_by("pk"):
            digest = digest_for(user, association=association)
            if not digest.sections or not user.email:
                continue
            body = render_to_string(
                "reports/email/digest.txt",
                {
                    "user": user,
                    "digest": digest,
                    "association_name": association.name,
                    "site_url": digest.site_url,
                },
            )
            count = len(digest.keys)
            if dry_run:
                sent += 1
                self.stdout.write(f"{user.email}: {count} wijzigingen (niet verstuurd)\n{body}")
                continue
            message = EmailMessage(
                subject=f"Samenspel: {count} wijzigingen in wat u volgt",
                body=body,
                to=[user.email],
                headers={"List-Unsubscribe": f"<{digest.sections[0][2]}>"},
            )
            message.send()
            digest_mark_sent(digest)
            sent += 1
        verb = "zouden worden verstuurd" if dry_run else "verstuurd"
        self.stdout.write(self.style.SUCCESS(f"Samenvattingen {verb}: {sent}"))
