"""/openbaar/data/: the open data page, the downloads and the DCAT catalogue.

Public and the same for everyone, so shared caches may keep them an hour
(web/middleware.PrivacyHeadersMiddleware keeps a public view's `Cache-Control: public`)
and any site may read them from a browser (CORS `*`; there is nothing behind a sign-in).
"""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from samenspel.accounts.permissions import public
from samenspel.agenda.selectors import current_agenda_or_404
from samenspel.opendata import agenda_data
from samenspel.opendata.catalogue import catalogue
from samenspel.opendata.datasets import CSV, DATASETS, csv_text, table
from samenspel.organisations.models import Association

MAX_AGE = 60 * 60


def _association(request: HttpRequest) -> Association:
    association = getattr(request, "association", None)
    if association is None:
        raise Http404
    return association


def _open(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _json(data: Any, content_type: str = "application/json") -> HttpResponse:
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    return _open(HttpResponse(text + "\n", content_type=f"{content_type}; charset=utf-8"))


def _modified(association: Association) -> dict[str, Any]:
    return {d.key: d.modified(association) if d.modified else None for d in DATASETS}


@public
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    association = _association(request)
    modified = _modified(association)
    datasets = [
        {
            "dataset": d,
            "modified": modified[d.key],
            "files": [(fmt, request.build_absolute_uri(reverse(name))) for fmt, name in d.files],
        }
        for d in DATASETS
    ]
    catalogue_url = request.build_absolute_uri(reverse("opendata:catalogus"))
    response = render(
        request,
        "opendata/index.html",
        {
            "datasets": datasets,
            "licence": association.get_open_data_licence_display(),
            "licence_url": association.open_data_licence_url,
            "catalogue_url": catalogue_url,
        },
    )
    # What `<link rel="alternate">` says in the head, for harvesters that read headers.
    response["Link"] = f'<{catalogue_url}>; rel="alternate"; type="application/ld+json"'
    return response


@public
@require_safe
def agenda_json(request: HttpRequest) -> HttpResponse:
    agenda = current_agenda_or_404(_association(request))
    return _json(agenda_data.agenda_document(agenda, absolute=request.build_absolute_uri))


@public
@require_safe
def dataset_file(request: HttpRequest, *, dataset: str, fmt: str) -> HttpResponse:
    columns, rows = table(dataset, _association(request), absolute=request.build_absolute_uri)
    if fmt != CSV:
        return _json(rows)
    response = HttpResponse(csv_text(columns, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{dataset}.csv"'
    return _open(response)


@public
@require_safe
def catalogue_jsonld(request: HttpRequest) -> HttpResponse:
    association = _association(request)
    data = catalogue(
        association, absolute=request.build_absolute_uri, modified=_modified(association)
    )
    return _json(data, "application/ld+json")
