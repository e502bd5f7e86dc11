"""Background jobs: slow work (documents in a ZIP, reports, the year schedule as PDF, the
agenda mail) leaves the request and runs in `samenspel worker`.

A `Job` row is what the user sees (`/taken/<id>/`): who asked, what, its state, the file
it made or the Dutch reason it failed. The queue under it is django-tasks with its
database backend (docs/adr/0008-background-jobs.md). This app knows no domain: each app
registers its kinds of job (`registry.register`) in its `ready()`, with the function
that does the work and the predicate that says who else may see the job.
"""
