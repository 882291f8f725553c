"""A read-only CKAN Action API (``/api/3/action/<name>``) over the published datasets.

Harvesters of the national and provincial Satu Data portals, and CKAN's own client
(``ckanapi``), speak CKAN: so this answers at CKAN's paths (``/api/action/…``,
``/api/<version>/action/…``, no trailing slash), reads GET query parameters or a POST JSON body
(or CKAN's form-encoded JSON) as ``ckan/views/api.py`` does, and wraps every answer in CKAN's
envelope: ``{"help": <url>, "success": true, "result": …}``, or ``"success": false`` with an
``error`` whose ``__type`` is CKAN's (Not Found Error 404, Validation Error 409, Search Error
409, Authorization Error 403) and a plain JSON string with status 400 for an unknown action or
a body that is not a JSON object. Only the regency portal's host (the default site) answers.
The shapes of packages, resources, organisations, groups and tags follow
``ckan/lib/dictization/model_dictize.py``; docs/open-data.md lists the fields.
"""

import json
import re
import uuid
from datetime import UTC, datetime

from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from opd.models import OPD

from .catalogue import api_datasets, formats_of, matches_text, tags_of
from .models import LICENCE_URLS, Licence, Topic

#: The CKAN release whose API this imitates (status_show; harvesters read it).
CKAN_VERSION = "2.10.4"
DEFAULT_ROWS = 10
MAX_ROWS = 1000
FACET_LIMIT = 50
NAMESPACE = uuid.UUID("8e4c7d3a-9f0b-5c2e-a1d4-6b7f0e3c2a91")


class CKANError(Exception):
    status = 400
    type = ""

    def __init__(self, message="", fields=None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}

    def body(self):
        return {"__type": self.type, "message": self.message}


class NotFound(CKANError):
    status = 404
    type = "Not Found Error"

    def body(self):
        return {"__type": self.type, "message": f"Not found: {self.message}" if self.message else "Not found"}


class ValidationError(CKANError):
    status = 409
    type = "Validation Error"

    def body(self):
        return {**self.fields, "__type": self.type}


class SearchError(CKANError):
    status = 409
    type = "Search Error"

    def body(self):
        return {"__type": self.type, "message": f"Search error: {self.message!r}"}


def stable_id(kind, value):
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{value}"))


def ckan_time(value):
    """CKAN's timestamps: naive UTC ISO 8601 with microseconds ("2024-05-01T02:03:04.000005")."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(timespec="microseconds")
    return datetime.combine(value, datetime.min.time()).isoformat(timespec="microseconds")


def as_int(data, key, default, minimum=0, maximum=None):
    value = data.get(key)
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(fields={key: ["Invalid integer"]}) from None
    if number < minimum:
        raise ValidationError(fields={key: [f"Must be greater than or equal to {minimum}"]})
    return min(number, maximum) if maximum is not None else number


def as_text(data, key):
    """A text parameter; a repeated GET parameter or a JSON list is joined (as Solr would AND them)."""
    value = data.get(key)
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    return str(value)


def as_bool(data, key):
    value = data.get(key, False)
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "on")
    return bool(value)


# ---- dictization ----------------------------------------------------------------------------


def organization_dict(opd, request, package_count=None):
    site = opd.site
    result = {
        "id": stable_id("organization", opd.slug),
        "name": opd.slug,
        "title": opd.name,
        "display_name": opd.name,
        "description": "",
        "image_url": "",
        "image_display_url": "",
        "created": None,
        "is_organization": True,
        "approval_status": "approved",
        "state": "active",
        "type": "organization",
        "url": site.root_url if site else "",
    }
    if package_count is not None:
        result["package_count"] = package_count
    return result


def group_dict(topic, package_count=None):
    label = str(Topic(topic).label)
    result = {
        "id": stable_id("group", topic),
        "name": topic,
        "title": label,
        "display_name": label,
        "description": "",
        "image_url": "",
        "image_display_url": "",
        "is_organization": False,
        "approval_status": "approved",
        "state": "active",
        "type": "group",
    }
    if package_count is not None:
        result["package_count"] = package_count
    return result


def tag_dict(name):
    return {
        "id": stable_id("tag", name),
        "name": name,
        "display_name": name,
        "state": "active",
        "vocabulary_id": None,
    }


def package_name(dataset):
    return f"{dataset.opd.slug}-{dataset.slug}"[:100] if dataset.opd else dataset.slug[:100]


def resource_dict(resource, dataset, request, position):
    document = resource.document if resource.document_id else None
    url = request.build_absolute_uri(document.url) if document else resource.url
    modified = ckan_time(document.created_at) if document else None
    return {
        "id": str(resource.resource_id),
        "package_id": str(dataset.translation_key),
        "name": resource.name,
        "description": resource.description,
        "format": resource.format,
        "mimetype": resource.mimetype,
        "mimetype_inner": None,
        "url": url,
        "url_type": "upload" if document else None,
        "size": resource.size,
        "hash": "",
        "position": position,
        "state": "active",
        "resource_type": None,
        "created": modified or ckan_time(dataset.first_published_at),
        "last_modified": modified,
        "metadata_modified": ckan_time(dataset.last_published_at),
        "cache_url": None,
        "cache_last_updated": None,
        "datastore_active": False,
    }


def package_dict(dataset, request):
    tags = sorted(tags_of(dataset))
    resources = [
        resource_dict(resource, dataset, request, position)
        for position, resource in enumerate(dataset.resources.all())
    ]
    extras = {
        "urusan": dataset.get_topic_display(),
        "produsen_data": " — ".join(
            part for part in (dataset.opd.name if dataset.opd else "", dataset.producer_unit) if part
        ),
        "konsep_definisi": dataset.concept,
        "satuan": dataset.unit,
        "rumus": dataset.formula,
        "frekuensi": dataset.get_frequency_display(),
        "periode": dataset.period,
        "tahun": str(dataset.year),
        "metodologi": dataset.methodology,
        "klasifikasi": dataset.get_classification_display(),
        "cakupan_wilayah": dataset.spatial,
        "tanggal_pembaruan": dataset.last_updated.isoformat(),
        "frequency": dataset.frequency,
        "spatial_text": dataset.spatial,
    }
    licence = Licence(dataset.licence)
    return {
        "id": str(dataset.translation_key),
        "name": package_name(dataset),
        "title": dataset.title,
        "notes": dataset.description,
        "type": "dataset",
        "state": "active",
        "private": False,
        "isopen": True,
        "license_id": licence.value,
        "license_title": str(licence.label),
        "license_url": LICENCE_URLS.get(licence, ""),
        "author": dataset.opd.name if dataset.opd else "",
        "author_email": None,
        "maintainer": dataset.maintainer,
        "maintainer_email": dataset.maintainer_email or None,
        "version": None,
        "url": dataset.full_url,
        "metadata_created": ckan_time(dataset.first_published_at),
        "metadata_modified": ckan_time(dataset.last_published_at),
        "creator_user_id": None,
        "owner_org": stable_id("organization", dataset.opd.slug) if dataset.opd else None,
        "organization": organization_dict(dataset.opd, request) if dataset.opd else None,
        "groups": [group_dict(dataset.topic)],
        "tags": [tag_dict(tag) for tag in tags],
        "num_tags": len(tags),
        "resources": resources,
        "num_resources": len(resources),
        "extras": [{"key": key, "value": value} for key, value in extras.items() if value],
        "relationships_as_object": [],
        "relationships_as_subject": [],
    }


# ---- actions --------------------------------------------------------------------------------


def find_dataset(datasets, reference):
    for dataset in datasets:
        if reference in (str(dataset.translation_key), package_name(dataset)):
            return dataset
    raise NotFound()


def status_show(request, data):
    site = Site.find_for_request(request)
    return {
        "site_title": site.site_name or "Portal",
        "site_description": "",
        "site_url": request.build_absolute_uri("/").rstrip("/"),
        "ckan_version": CKAN_VERSION,
        "error_emails_to": None,
        "locale_default": "id",
        "extensions": [],
    }


def package_list(request, data):
    limit = as_int(data, "limit", None, minimum=0)
    offset = as_int(data, "offset", 0, minimum=0)
    names = sorted(package_name(dataset) for dataset in api_datasets())
    if limit:
        return names[offset : offset + limit]
    return names[offset:]


def package_show(request, data):
    reference = data.get("id") or data.get("name_or_id")
    if not reference:
        raise ValidationError(fields={"name_or_id": ["Missing value"]})
    return package_dict(find_dataset(api_datasets(), str(reference)), request)


def resource_show(request, data):
    reference = data.get("id")
    if not reference:
        raise ValidationError(fields={"id": ["Missing value"]})
    for dataset in api_datasets():
        for position, resource in enumerate(dataset.resources.all()):
            if str(resource.resource_id) == str(reference):
                return resource_dict(resource, dataset, request, position)
    raise NotFound("Resource was not found.")


# fq terms CKAN harvesters and portals send: field:value, field:"quoted value", +field:value,
# -field:value, and metadata_modified:[<date> TO *].
FQ_TERM = re.compile(r'([+-]?)(\w+):(?:"([^"]*)"|\[([^\]]*)\]|(\S+))')
FQ_FIELDS = {
    "organization", "tags", "res_format", "groups", "name", "id", "metadata_modified", "license_id",
    "dataset_type",
}  # fmt: skip


def parse_range(text):
    match = re.fullmatch(r"\s*(\S+)\s+TO\s+(\S+)\s*", text)
    if not match:
        raise SearchError(f"Invalid range: [{text}]")
    bounds = []
    for bound in match.groups():
        if bound == "*":
            bounds.append(None)
            continue
        try:
            moment = datetime.fromisoformat(bound.replace("Z", "+00:00"))
        except ValueError:
            raise SearchError(f"Invalid date: {bound}") from None
        bounds.append(moment.replace(tzinfo=None) if moment.tzinfo else moment)
    return bounds


def fq_value(dataset, field):
    """The values of a dataset for an fq field (a set)."""
    if field == "organization":
        return {dataset.opd.slug} if dataset.opd else set()
    if field == "tags":
        return tags_of(dataset)
    if field == "res_format":
        return {value.lower() for value in formats_of(dataset)}
    if field == "groups":
        return {dataset.topic}
    if field == "name":
        return {package_name(dataset)}
    if field == "id":
        return {str(dataset.translation_key)}
    if field == "license_id":
        return {dataset.licence}
    if field == "dataset_type":
        return {"dataset"}
    return set()


def apply_fq(datasets, fq):
    """Solr's filter query as CKAN clients send it: terms joined by spaces or AND must all
    hold; terms joined by OR form a group of which one must (ckanext-harvest's organisation
    filter is ``organization:a OR organization:b``)."""
    fq = (fq or "").strip()
    if not fq:
        return datasets
    groups, end = [], 0
    for match in FQ_TERM.finditer(fq):
        joiner = fq[end : match.start()].strip()
        if joiner not in ("", "AND", "&&", "OR", "||") or (joiner in ("OR", "||") and not groups):
            raise SearchError(f"Cannot parse fq: {fq}")
        sign, field, quoted, ranged, bare = match.groups()
        if field not in FQ_FIELDS:
            raise SearchError(f"Unknown field in fq: {field}")
        term = (sign == "-", field, quoted or bare or "", ranged)
        if joiner in ("OR", "||"):
            groups[-1].append(term)
        else:
            groups.append([term])
        end = match.end()
    if fq[end:].strip() or not groups:
        raise SearchError(f"Cannot parse fq: {fq}")

    def holds(dataset, term):
        negate, field, value, ranged = term
        if field == "metadata_modified":
            start, stop = parse_range(ranged) if ranged else (None, None)
            modified = datetime.fromisoformat(ckan_time(dataset.last_published_at))
            hit = (start is None or modified >= start) and (stop is None or modified <= stop)
        else:
            value = value.lower() if field == "res_format" else value
            hit = value in fq_value(dataset, field)
        return hit != negate

    return [d for d in datasets if all(any(holds(d, term) for term in group) for group in groups)]


SORT_KEYS = {
    "metadata_modified": lambda d: ckan_time(d.last_published_at),
    "metadata_created": lambda d: ckan_time(d.first_published_at),
    "title_string": lambda d: d.title.lower(),
    "title": lambda d: d.title.lower(),
    "name": package_name,
    "id": lambda d: str(d.translation_key),
}


def apply_sort(datasets, sort, q):
    sort = (sort or "").strip() or ("score desc, metadata_modified desc" if q else "metadata_modified desc")
    clauses = []
    for clause in sort.split(","):
        parts = clause.split()
        if len(parts) == 1:
            parts.append("asc")
        if len(parts) != 2 or parts[1].lower() not in ("asc", "desc"):
            raise SearchError(f"Invalid sort: {sort}")
        field, direction = parts[0], parts[1].lower()
        if field == "score":
            continue  # every hit scores the same: the next clause decides
        if field not in SORT_KEYS:
            raise SearchError(f"Invalid sort field: {field}")
        clauses.append((SORT_KEYS[field], direction == "desc"))
    # Python's sort is stable: apply the least significant clause first.
    datasets = sorted(datasets, key=package_name)
    for key, descending in reversed(clauses):
        datasets = sorted(datasets, key=key, reverse=descending)
    return datasets, sort


def facet_fields(data):
    value = data.get("facet.field")
    if not value:
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise ValidationError(fields={"facet.field": ["Invalid JSON list"]}) from None
    if not isinstance(value, list) or not all(isinstance(field, str) for field in value):
        raise ValidationError(fields={"facet.field": ["Must be a list of field names"]})
    return value


def facet_items(datasets, field):
    counts, titles = {}, {}
    for dataset in datasets:
        if field == "organization" and dataset.opd:
            titles[dataset.opd.slug] = dataset.opd.name
        values = fq_value(dataset, field) if field != "res_format" else formats_of(dataset)
        for value in values:
            counts[value] = counts.get(value, 0) + 1
    if field == "groups":
        titles = {value: str(Topic(value).label) for value in counts}
    return counts, titles


def package_search(request, data):
    q = as_text(data, "q").strip()
    if q in ("*:*", "*"):
        q = ""
    rows = as_int(data, "rows", DEFAULT_ROWS, minimum=0, maximum=MAX_ROWS)
    start = as_int(data, "start", 0, minimum=0)
    facet_limit = as_int(data, "facet.limit", FACET_LIMIT, minimum=-1)
    fields = facet_fields(data)
    for field in fields:
        if field not in FQ_FIELDS - {"metadata_modified"}:
            raise SearchError(f"Unknown facet field: {field}")
    datasets = [dataset for dataset in api_datasets() if matches_text(dataset, q)]
    datasets = apply_fq(datasets, as_text(data, "fq"))
    datasets, sort = apply_sort(datasets, as_text(data, "sort"), q)
    facets, search_facets = {}, {}
    for field in fields:
        counts, titles = facet_items(datasets, field)
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if facet_limit >= 0:
            ordered = ordered[:facet_limit]
        facets[field] = dict(ordered)
        search_facets[field] = {
            "title": field,
            "items": [
                {"name": name, "display_name": titles.get(name, name), "count": count}
                for name, count in ordered
            ],
        }
    return {
        "count": len(datasets),
        "sort": sort,
        "facets": facets,
        "search_facets": search_facets,
        "results": [package_dict(dataset, request) for dataset in datasets[start : start + rows]],
    }


def package_counts(datasets, key):
    counts = {}
    for dataset in datasets:
        value = key(dataset)
        if value is not None:
            counts[value] = counts.get(value, 0) + 1
    return counts


def organization_list(request, data):
    all_fields = as_bool(data, "all_fields")
    limit = as_int(data, "limit", None, minimum=0)
    offset = as_int(data, "offset", 0, minimum=0)
    counts = package_counts(api_datasets(), lambda d: d.opd.slug if d.opd else None)
    opds = sorted(OPD.objects.select_related("site"), key=lambda opd: opd.slug)
    opds = opds[offset : offset + limit] if limit else opds[offset:]
    if all_fields:
        return [organization_dict(opd, request, counts.get(opd.slug, 0)) for opd in opds]
    return [opd.slug for opd in opds]


def organization_show(request, data):
    reference = data.get("id")
    if not reference:
        raise ValidationError(fields={"id": ["Missing value"]})
    for opd in OPD.objects.select_related("site"):
        if str(reference) in (opd.slug, stable_id("organization", opd.slug)):
            datasets = [d for d in api_datasets() if d.opd and d.opd.pk == opd.pk]
            result = organization_dict(opd, request, len(datasets))
            if as_bool(data, "include_datasets"):
                result["packages"] = [package_dict(dataset, request) for dataset in datasets[:1000]]
            return result
    raise NotFound("Organization was not found.")


def group_list(request, data):
    counts = package_counts(api_datasets(), lambda d: d.topic)
    topics = sorted(counts)
    if as_bool(data, "all_fields"):
        return [group_dict(topic, counts[topic]) for topic in topics]
    return topics


def group_show(request, data):
    reference = str(data.get("id") or "")
    if not reference:
        raise ValidationError(fields={"id": ["Missing value"]})
    for topic in Topic.values:
        if reference in (topic, stable_id("group", topic)):
            datasets = [d for d in api_datasets() if d.topic == topic]
            return group_dict(topic, len(datasets))
    raise NotFound("Group was not found.")


def tag_list(request, data):
    query = as_text(data, "query").lower()
    names = sorted({tag for dataset in api_datasets() for tag in tags_of(dataset)})
    names = [name for name in names if query in name.lower()]
    if as_bool(data, "all_fields"):
        return [tag_dict(name) for name in names]
    return names


def license_list(request, data):
    return [
        {
            "id": licence.value,
            "title": str(licence.label),
            "url": LICENCE_URLS.get(licence, ""),
            "status": "active",
            "od_conformance": "approved",
            "osd_conformance": "not reviewed",
            "domain_content": False,
            "domain_data": True,
            "domain_software": False,
        }
        for licence in Licence
    ]


ACTIONS = {
    "status_show": status_show,
    "site_read": lambda request, data: True,
    "package_list": package_list,
    "package_show": package_show,
    "package_search": package_search,
    "resource_show": resource_show,
    "organization_list": organization_list,
    "organization_show": organization_show,
    "group_list": group_list,
    "group_show": group_show,
    "tag_list": tag_list,
    "license_list": license_list,
}


def request_data(request):
    """The action's parameters, read as CKAN's ``_get_request_data`` reads them."""
    if request.method == "GET":
        return {key: values[0] if len(values) == 1 else values for key, values in request.GET.lists()}
    if request.POST:
        values = list(request.POST.values())
        if len(values) == 1 and values[0] in ("1", ""):
            data = json.loads(next(iter(request.POST.keys())))
        else:
            data = {key: vals[0] if len(vals) == 1 else vals for key, vals in request.POST.lists()}
    elif request.body:
        data = json.loads(request.body)
    else:
        data = {}
    if not isinstance(data, dict):
        raise ValueError(f"Request data JSON decoded to {data!r} but it needs to be a dictionary.")
    return data


def bad_request(message):
    return JsonResponse(f"Bad request - {message}", status=400, safe=False)


@csrf_exempt
@require_http_methods(["GET", "POST", "OPTIONS"])
def action(request, name, version=3):
    """One CKAN action, with CKAN's envelope and error statuses."""
    site = Site.find_for_request(request)
    if site is None or not site.is_default_site:
        return bad_request("the open data API is served on the regency portal's host")
    if name not in ACTIONS:
        return bad_request(f"Action name not known: {name}")
    envelope = {
        "help": request.build_absolute_uri(
            reverse("ckan_action_versioned", kwargs={"version": "3", "name": "help_show"})
        )
        + f"?name={name}"
    }
    if request.method == "OPTIONS":
        response = JsonResponse({}, status=200)
    else:
        try:
            data = request_data(request)
        except (ValueError, UnicodeDecodeError) as error:
            return bad_request(f"JSON Error: {error}")
        data.pop("callback", None)
        try:
            envelope["result"] = ACTIONS[name](request, data)
            envelope["success"] = True
            status = 200
        except CKANError as error:
            envelope["success"] = False
            envelope["error"] = error.body()
            status = error.status
        response = JsonResponse(envelope, status=status, json_dumps_params={"ensure_ascii": False})
    # Read-only public data: any web page may read it (CKAN's ckan.cors settings, opened).
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Content-Type, Authorization, X-CKAN-API-Key"
    return response
