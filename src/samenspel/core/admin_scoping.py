"""The Django admin scoped to the request's association (docs/associations.md, "The admin").

Every admin of data an association owns puts `AssociationScopedAdmin` in front of its own
base (`class AgendaAdmin(AssociationScopedAdmin, HistoryAdmin)`), and every inline of such
data `AssociationScopedInline`, and declares the lookup from its model to its association:
`association_path = "agenda__association"`. From then on the admin shows and takes only
rows of `request.association` (the association of the host, set by the association
middleware), for every user, superusers included: on association A's host the admin is
A's, and a superuser sees B's rows on B's host.

- `get_queryset`: the changelist and its search, the change, delete and history pages
  (another association's object is "does not exist"), bulk actions, raw-id popups and the
  autocomplete results of every field that points at this model;
- the choices of every foreign key and many-to-many field that points at an owned model
  (the model's scoped admin or inline says how), and of the related list filters; a field
  that points at the association itself offers only the request's, preselected;
- `save_model` fills an empty `association` with the request's and refuses (403, nothing
  written) a row that would end up outside the request's association.

A model that reaches its association only in a way a path cannot say overrides
`association_q`. Organisations, people and user accounts are the national register:
their admins (`NationalRegisterAdmin`) are not scoped, but delete nothing another
association uses. `SuperuserOnlyAdmin` is for rows of every association at once (logs).
"""

from __future__ import annotations

from typing import Any, cast

from django.contrib import admin
from django.contrib.admin.options import BaseModelAdmin, InlineModelAdmin
from django.contrib.admin.utils import (
    NestedObjects,
    NotRelationField,
    get_fields_from_path,
    unquote,
)
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models, router
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

# No row at all (a request without an association sees nothing).
NOTHING = Q(pk__in=[])


def request_association(request: HttpRequest) -> Any:
    """The request's association, or None (a request that did not pass the middleware)."""
    return getattr(request, "association", None)


class StoredFileInput(AdminFileWidget):
    """The admin's file field, naming the current file without Django's link to MEDIA_URL:
    uploaded files are never served from there (every download goes through a view that
    checks who may see it), so that link would only give a 404. The template lives with
    the other templates of the UI shell (web/templates/admin/widgets/)."""

    template_name = "admin/widgets/stored_file_input.html"


class AssociationScoped(BaseModelAdmin):
    """What admins and inlines of owned data share: see the module's docstring."""

    def formfield_for_dbfield(self, db_field: Any, request: Any, **kwargs: Any) -> Any:
        if isinstance(db_field, models.FileField) and "widget" not in kwargs:
            # Keep what an admin declares for its files (the logo's `accept`), without the link.
            declared = next(
                (
                    self.formfield_overrides[kind].get("widget")
                    for kind in type(db_field).__mro__
                    if kind in self.formfield_overrides
                ),
                None,
            )
            kwargs["widget"] = StoredFileInput(attrs=getattr(declared, "attrs", None))
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    # The lookup from the model to its association ("body__association"); None only when
    # `association_q` is overridden.
    association_path: str | None = None

    @classmethod
    def association_q(cls, association: Any) -> Q:
        """The rows that belong to `association`."""
        if cls.association_path is None:
            raise NotImplementedError(f"{cls.__name__} declares no association_path")
        return Q(**{cls.association_path: association})

    def association_rows(self, request: HttpRequest, rows: QuerySet[Any]) -> QuerySet[Any]:
        association = request_association(request)
        if association is None:
            return rows.none()
        return rows.filter(self.association_q(association))

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return self.association_rows(request, super().get_queryset(request))

    def formfield_for_foreignkey(self, db_field: Any, request: Any, **kwargs: Any) -> Any:
        if "queryset" not in kwargs:
            scope = association_scope(self.admin_site, db_field.related_model, request)
            if scope is not None:
                kwargs["queryset"] = self._choices(db_field, request, kwargs.get("using"), scope)
                association = request_association(request)
                if association is not None and db_field.related_model is type(association):
                    kwargs.setdefault("initial", association.pk)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field: Any, request: Any, **kwargs: Any) -> Any:
        if "queryset" not in kwargs:
            scope = association_scope(self.admin_site, db_field.related_model, request)
            if scope is not None:
                kwargs["queryset"] = self._choices(db_field, request, kwargs.get("using"), scope)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def _choices(self, db_field: Any, request: Any, using: Any, scope: Q) -> QuerySet[Any]:
        rows = self.get_field_queryset(using, db_field, request)
        if rows is None:
            rows = db_field.related_model._default_manager.using(using).all()
        return rows.filter(scope)


class DeletesOnlyItsAssociationsRows(admin.ModelAdmin):
    """A deletion that would take rows of another association with it (a national
    organisation or person that association uses, by cascade or protection) is refused
    to all but superusers, and its confirmation page names none of those rows."""

    def get_deleted_objects(self, objs: Any, request: Any) -> Any:
        found = super().get_deleted_objects(objs, request)
        if request.user.is_superuser or not reaches_another_association(
            self.admin_site, objs, request
        ):
            return found
        return [], {}, {_("gegevens van een ander samenwerkingsverband")}, []


class AssociationScopedAdmin(AssociationScoped, DeletesOnlyItsAssociationsRows):
    """Put in front of the ModelAdmin (HistoryAdmin, VersionCheckedAdmin) of owned data."""

    def get_list_filter(self, request: HttpRequest) -> Any:
        return [scoped_list_filter(self.model, spec) for spec in super().get_list_filter(request)]

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        association = request_association(request)
        if (
            self.association_path == "association"
            and association is not None
            and getattr(obj, "association_id", None) is None
        ):
            obj.association = association
        super().save_model(request, obj, form, change)
        # The admin saves in one transaction: refusing here writes nothing.
        saved = self.model._default_manager.filter(pk=obj.pk)
        if not self.association_rows(request, saved).exists():
            raise PermissionDenied

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: Any = None
    ) -> HttpResponse:
        # simple-history shows the history of an object get_queryset does not have (it
        # takes it for deleted): another association's object is not found here.
        self._object_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> HttpResponse:
        # simple-history's page of one old version does not ask get_queryset at all.
        self._object_or_404(request, object_id)
        return cast(Any, super()).history_form_view(request, object_id, version_id, extra_context)

    def _object_or_404(self, request: HttpRequest, object_id: str) -> None:
        if self.get_object(request, unquote(object_id)) is None:
            raise Http404


class AssociationScopedInline(AssociationScoped, InlineModelAdmin):
    """Put in front of the TabularInline (StackedInline) of owned data."""


class NationalRegisterAdmin(DeletesOnlyItsAssociationsRows):
    """Put in front of the admin of the national register (organisations, people, user
    accounts): every association's bureau sees all of it, so it is not scoped, but it
    deletes nothing another association uses."""


class SuperuserOnlyAdmin(admin.ModelAdmin):
    """Only superusers see or change these rows: rows of every association at once that
    no association owns on its own (the log of sent digest items)."""

    def has_module_permission(self, request: Any) -> bool:
        return request.user.is_superuser and super().has_module_permission(request)

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        return request.user.is_superuser and super().has_view_permission(request, obj)

    def has_add_permission(self, request: Any) -> bool:
        return request.user.is_superuser and super().has_add_permission(request)

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return request.user.is_superuser and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return request.user.is_superuser and super().has_delete_permission(request, obj)


def scoping_of(site: admin.AdminSite, model: type[models.Model]) -> Any:
    """The admin (or inline) class that says which rows of `model` an association owns,
    SuperuserOnlyAdmin's class for rows only superusers see, None for the national
    register."""
    registered = site._registry.get(model)
    if isinstance(registered, (AssociationScoped, SuperuserOnlyAdmin)):
        return type(registered)
    for model_admin in site._registry.values():
        for inline in model_admin.inlines:
            if inline.model is model and issubclass(inline, AssociationScoped):
                return inline
    return None


def association_scope(site: admin.AdminSite, model: Any, request: Any) -> Q | None:
    """The rows of `model` the request may choose, or None when `model` is not scoped."""
    association = request_association(request)
    if association is not None and model is type(association):
        return Q(pk=association.pk)
    scoping = scoping_of(site, model)
    if scoping is None:
        return None
    if issubclass(scoping, SuperuserOnlyAdmin):
        return Q() if request.user.is_superuser else NOTHING
    if association is None:
        return NOTHING
    return cast(Q, scoping.association_q(association))


def reaches_another_association(site: admin.AdminSite, objs: Any, request: Any) -> bool:
    """Whether deleting `objs` deletes (or is stopped by) a row that is not the request's
    association's: the rows Django's confirmation page would list, each judged by the
    scoping of its model, or by its own `association` where an inline is scoped by it."""
    association = request_association(request)
    objs = list(objs)
    if not objs:
        return False
    collector = NestedObjects(using=router.db_for_write(type(objs[0])), origin=objs)
    collector.collect(objs)
    rows: dict[Any, set[Any]] = {}
    for model, instances in [*collector.model_objs.items(), *_by_model(collector.protected)]:
        rows.setdefault(model, set()).update(instance.pk for instance in instances)
    for model, pks in rows.items():
        scope = _own_rows(site, model, association)
        if scope is None:
            continue
        if model._default_manager.filter(scope, pk__in=pks).count() < len(pks):
            return True
    return False


def _by_model(instances: Any) -> list[tuple[Any, list[Any]]]:
    grouped: dict[Any, list[Any]] = {}
    for instance in instances:
        grouped.setdefault(type(instance), []).append(instance)
    return list(grouped.items())


def _own_rows(site: admin.AdminSite, model: Any, association: Any) -> Q | None:
    """The rows of `model` that are `association`'s, or None when no association owns
    them (the national register, logs)."""
    if association is None:
        return NOTHING
    if model is type(association):
        return Q(pk=association.pk)
    scoping = scoping_of(site, model)
    if scoping is not None and issubclass(scoping, AssociationScoped):
        return cast(Q, scoping.association_q(association))
    for field in model._meta.concrete_fields:
        if field.is_relation and field.related_model is type(association):
            return Q(**{field.name: association})
    return None


class ScopedRelatedFieldListFilter(admin.RelatedFieldListFilter):
    """A related list filter whose choices are the request's association's rows."""

    def field_choices(self, field: Any, request: Any, model_admin: Any) -> Any:
        scope = association_scope(model_admin.admin_site, field.related_model, request)
        if scope is None:
            return super().field_choices(field, request, model_admin)
        rows = field.related_model._default_manager.filter(scope)
        rows = rows.complex_filter(field.get_limit_choices_to())
        ordering = self.field_admin_ordering(field, request, model_admin)
        if ordering:
            rows = rows.order_by(*ordering)
        key = field.remote_field.get_related_field().attname
        return [(getattr(row, key), str(row)) for row in rows]


def scoped_list_filter(model: type[models.Model], spec: Any) -> Any:
    """`spec` of `list_filter`, with the scoped filter for a foreign key or many-to-many."""
    if not isinstance(spec, str):
        return spec
    try:
        field = get_fields_from_path(model, spec)[-1]
    except (FieldDoesNotExist, NotRelationField):
        return spec
    if isinstance(field, (models.ForeignKey, models.ManyToManyField)):
        return (spec, ScopedRelatedFieldListFilter)
    return spec
