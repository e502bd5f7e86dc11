"""One generated association's meetings 2023-2027: a cycle per body, meetings by it
(held, cancelled, planned), agenda items with documents, and the numbered outcomes of
the meetings held. Documents share a few tiny stored files: a version names its file, and
one file may serve many rows (nothing deletes a version's file)."""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from samenspel.demo.national import text
from samenspel.demo.national.bulk import Progress, insert, insert_leaf, through
from samenspel.demo.national.structure import Built
from samenspel.meetings.constants import (
    Attendance,
    InvitationSource,
    ItemKind,
    MeetingStatus,
    OutcomeKind,
)
from samenspel.meetings.models import (
    AgendaDocument,
    AgendaItem,
    DocumentVersion,
    Invitation,
    Meeting,
    MeetingCycle,
    Outcome,
)
from samenspel.organisations.constants import BodyKind, Role

YEARS = range(2023, 2028)
MONTHS = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]  # no meetings in July
PER_YEAR: dict[str, int] = {
    BodyKind.GENERAL_BOARD: 4,
    BodyKind.EXECUTIVE_BOARD: 10,
    BodyKind.PORTFOLIO_MEETING: 5,
    BodyKind.OFFICIALS_MEETING: 5,
    BodyKind.ACCOUNT_HOLDERS_MEETING: 6,
}  # 100 meetings a year per association: 49 make the national ~25,000 in five years
FILES = {
    "notitie.pdf": "Notitie",
    "voorstel.pdf": "Voorstel",
    "presentatie.pdf": "Presentatie",
}
FOLDER = "meetings/demo-landelijk"
ATTENDED = [Attendance.PRESENT] * 8 + [Attendance.EXCUSED, Attendance.ABSENT]


def _tiny_pdf(title: str) -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%% " + title.encode() + b" (demo)\n%%EOF\n"
    )


def stored_files() -> dict[str, tuple[str, int]]:
    """The shared tiny files (written once per MEDIA_ROOT): name -> (stored name, size)."""
    found = {}
    for name, title in FILES.items():
        path = f"{FOLDER}/{name}"
        content = _tiny_pdf(title)
        if not default_storage.exists(path):
            path = default_storage.save(path, ContentFile(content))
        found[name] = (path, len(content))
    return found


def _aware(day: dt.date, at: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, at))


def meetings_create(
    built: Built, agreements: list, proposals: list, on: dt.date, progress: Progress
) -> None:
    rng = built.rng
    cycles, meetings = [], []
    for body in built.bodies.values():
        per_year = PER_YEAR.get(body.kind)
        if per_year is None:
            continue
        weekday = rng.randint(0, 4)
        prepares = body.kind == BodyKind.OFFICIALS_MEETING
        cycle = MeetingCycle(
            body=body,
            per_year=per_year,
            follows_prepared=prepares,
            weekday=weekday,
            place=f"Gemeentehuis {rng.choice(built.municipalities).short_name}",
            is_demo=True,
        )
        cycles.append(cycle)
        for year in YEARS:
            for i in range(per_year):
                month = MONTHS[i * len(MONTHS) // per_year]
                first = dt.date(year, month, 1)
                day = first + dt.timedelta(
                    days=(weekday - first.weekday()) % 7 + 7 * rng.randint(0, 2)
                )
                if prepares:
                    day -= dt.timedelta(days=14)
                meetings.append(_meeting(body, cycle, day, on, rng))
    insert(MeetingCycle, cycles, progress)
    insert(Meeting, meetings, progress)
    _invitations(built, meetings, on, progress)
    _items(built, meetings, agreements, proposals, on, progress)


def _meeting(body, cycle, day, on, rng) -> Meeting:
    if day < on - dt.timedelta(days=30):
        status = MeetingStatus.MINUTES_APPROVED if rng.random() < 0.8 else MeetingStatus.HELD
        status = MeetingStatus.CANCELLED if rng.random() < 0.04 else status
    elif day < on:
        status = MeetingStatus.HELD
    elif day <= on + dt.timedelta(days=21):
        status = MeetingStatus.AGENDA_SENT
    else:
        status = MeetingStatus.PLANNED
    start = _aware(day, dt.time(9, 30) if rng.random() < 0.7 else dt.time(14, 0))
    return Meeting(
        body=body,
        cycle=cycle,
        starts_at=start,
        ends_at=start + dt.timedelta(minutes=120),
        place=cycle.place,
        status=status,
        uid=uuid.UUID(int=rng.getrandbits(128)),
        is_demo=True,
    )


def _invitations(built, meetings, on, progress) -> None:
    """Everyone holding a seat, once, for the meetings within a year of the reference date
    (the rest has none, to keep the national set within minutes); who came to those held."""
    rng, window = built.rng, dt.timedelta(days=365)
    seated: dict[int, list] = {}
    for post, person in built.seats:
        if not post.when_relevant:  # a water board only when the agenda asks for it
            seated.setdefault(post.body_id, []).append((post, person))
    invitations = []
    for meeting in meetings:
        day = meeting.starts_at.date()
        if not on - window <= day <= on + window:
            continue
        held = meeting.status in (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED)
        invited = set()
        for post, person in seated.get(meeting.body_id, []):
            if person.pk in invited:
                continue
            invited.add(person.pk)
            province = post.role == Role.INVITED_GUEST and post.organisation == built.province
            invitations.append(
                Invitation(
                    meeting=meeting,
                    person=person,
                    post=post,
                    source=InvitationSource.PROVINCE if province else InvitationSource.MEMBER,
                    reason=post.label if province else post.get_role_display(),
                    attendance=rng.choice(ATTENDED) if held else Attendance.UNKNOWN,
                    is_demo=True,
                )
            )
    insert_leaf(Invitation, invitations, progress)


def _items(built, meetings, agreements, proposals, on, progress) -> None:
    rng = built.rng
    files = stored_files()
    leads = built.bureau_people + list(built.aldermen.values())[:20]
    kinds = [ItemKind.DECISION, ItemKind.DISCUSSION, ItemKind.INFORMATION]
    items, links = [], []
    for meeting in meetings:
        far = meeting.starts_at.date() > on + dt.timedelta(days=60)
        for order in range(rng.randint(0, 2) if far else rng.randint(3, 6)):
            item = AgendaItem(
                body=meeting.body,
                meeting=meeting,
                title=text.title(rng),
                kind=rng.choice(kinds),
                description=text.paragraph(rng, rng.randint(1, 4)),
                lead=rng.choice(leads),
                duration_minutes=rng.choice([10, 15, 20, 30]),
                order=order,
                is_confidential=rng.random() < 0.05,
                is_demo=True,
            )
            if item.kind == ItemKind.DECISION and rng.random() < 0.1:
                item.proposal = rng.choice(proposals)
            items.append(item)
    insert(AgendaItem, items, progress)
    for item in items:
        if rng.random() < 0.25:
            links.append((item.pk, rng.choice(agreements).pk))
    through(AgendaItem._meta.get_field("agreements"), links, progress)
    documents, versions = [], []
    for item in items:
        for _ in range(rng.choice([0, 0, 1, 1, 1, 2])):
            name = rng.choice(list(FILES))
            document = AgendaDocument(
                item=item, title=f"{FILES[name]} {item.title.lower()}", is_demo=True
            )
            documents.append(document)
            versions.append((document, name, 2 if rng.random() < 0.1 else 1))
    insert(AgendaDocument, documents, progress)
    insert_leaf(
        DocumentVersion,
        [
            DocumentVersion(
                document=document,
                number=number,
                file=files[name][0],
                filename=name,
                size=files[name][1],
                uploaded_by=built.users["bureau"],
            )
            for document, name, count in versions
            for number in range(1, count + 1)
        ],
        progress,
    )
    _outcomes(built, items, progress)


def _outcomes(built, items, progress) -> None:
    """Held meetings' decisions get the body's next number of the year."""
    rng, outcomes = built.rng, []
    numbers: dict[tuple[int, int], int] = {}
    held = {MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED}
    for item in items:
        if item.meeting.status not in held or item.kind == ItemKind.INFORMATION:
            continue
        year = item.meeting.starts_at.year
        if item.kind == ItemKind.DECISION:
            key = (item.body_id, year)
            numbers[key] = numbers.get(key, 0) + 1
            outcomes.append(
                Outcome(
                    item=item,
                    kind=OutcomeKind.DECISION,
                    body=item.body,
                    year=year,
                    number=numbers[key],
                    reference=f"{item.body.short_name or item.body.slug} {year}-{numbers[key]:02d}",
                    text=f"Besloten: {text.paragraph(rng, 1)}",
                    is_demo=True,
                )
            )
        elif rng.random() < 0.5:
            outcomes.append(
                Outcome(
                    item=item,
                    kind=OutcomeKind.NOTED,
                    body=item.body,
                    text=text.paragraph(rng, 1),
                    is_demo=True,
                )
            )
    insert_leaf(Outcome, outcomes, progress)
