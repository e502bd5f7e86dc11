"""Pages of the reports app, one module per thing shown: `reports` (the list, a report as a
page, making and downloading stored reports), `evaluation` (the evaluation round) and
`following` (what a user follows, and the one-click stop from a digest)."""
