"""The meetings app's pages, one module per thing they show.

- `meetings`: the meeting list and one meeting (planning, editing, status, the agenda as
  PDF and by e-mail);
- `invitations`: a meeting's invitees, guests, removals and attendance;
- `items`: agenda items and the backlog, their documents and outcomes;
- `actions`: actions agreed at a meeting;
- `minutes`: a meeting's minutes;
- `lists`: the decision list, the action list and the year's schedule;
- `feeds`: calendar feeds and one meeting as .ics;
- `public`: the public schedule and decision lists.

`common` holds what they share (loading the objects a URL names, breadcrumbs).
"""
