"""The few helpers every app uses, in one neutral place.

Charter: only code that (1) more than two apps need, (2) knows no domain (no models, no
roles, no agenda rules) and (3) imports nothing of Samenspel but `core` itself. Today:

- `dates`: `today()`, the date rules are judged on (SAMENSPEL_TODAY for demonstrations),
  and reading a year or date from a URL or query (`year_or_404`, `year_from`, `date_from`:
  2000-2100, never a 500).
- `versioning`: optimistic locking on a `version` field (`versioned_update`, `EditConflict`).
- `pages`: the form-page patterns of views (`versioned_edit`, `form_page`).
- `history`: `changed_by`, who made the next change, for django-simple-history.
- `admin`: `VersionCheckedAdmin`, the same version check for admin change forms.
- `admin_scoping`: `AssociationScopedAdmin` and friends, the admin scoped to
  `request.association` by a declared lookup path (the path names the domain; core
  knows none of it).
- `fulltext`: text search, Dutch full-text search through a GIN index on PostgreSQL and
  plain matching on SQLite (`text_filter`, `by_rank`, `gin_index_create` for migrations).

Anything that needs a model or a role belongs in the app that owns it. Not a Django app:
it has no models, migrations or templates of its own (its one template lives in the
project's `templates/core/`).
"""
