"""The DCAT catalogue of a data catalogue page (``/data/catalog.ttl``, ``/data/catalog.jsonld``).

DCAT harvesters (the European Data Portal's, ckanext-dcat's ``dcat_rdf_harvester``) read one
``dcat:Catalog`` with a ``dcat:Dataset`` per published dataset and a ``dcat:Distribution`` per
resource, in the vocabulary of DCAT-AP: title, description, publisher (the OPD, a
``foaf:Organization``), keywords, theme (urusan), issued/modified, accrual periodicity,
temporal and spatial coverage as text, contact point, licence, and for each distribution its
download URL, media type, format and size.
"""

from django.http import HttpResponse
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from .api import package_name, stable_id
from .catalogue import api_datasets, catalogue_datasets
from .models import LICENCE_URLS

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
FREQUENCY = Namespace("http://publications.europa.eu/resource/authority/frequency/")
FREQUENCIES = {
    "harian": "DAILY",
    "bulanan": "MONTHLY",
    "triwulanan": "QUARTERLY",
    "semesteran": "BIANNUAL",
    "tahunan": "ANNUAL",
    "lima-tahunan": "QUINQUENNIAL",
    "tidak-tentu": "IRREG",
}
CONTENT_TYPES = {"turtle": "text/turtle; charset=utf-8", "json-ld": "application/ld+json; charset=utf-8"}


def build_graph(index, request):
    graph = Graph()
    graph.bind("dcat", DCAT)
    graph.bind("dct", DCTERMS)
    graph.bind("foaf", FOAF)
    graph.bind("vcard", VCARD)
    catalogue = URIRef(request.build_absolute_uri(index.url))
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    graph.add((catalogue, DCTERMS.title, Literal(index.title, lang="id")))
    if index.intro:
        graph.add((catalogue, DCTERMS.description, Literal(index.intro, lang="id")))
    graph.add((catalogue, DCTERMS.language, Literal("id")))
    graph.add((catalogue, FOAF.homepage, catalogue))
    datasets = api_datasets() if index.is_regency_catalogue() else catalogue_datasets(index)
    publishers = {}
    for dataset in datasets:
        node = URIRef(request.build_absolute_uri(dataset.url))
        graph.add((catalogue, DCAT.dataset, node))
        graph.add((node, RDF.type, DCAT.Dataset))
        graph.add((node, DCTERMS.identifier, Literal(str(dataset.translation_key))))
        graph.add((node, DCTERMS.title, Literal(dataset.title, lang="id")))
        graph.add((node, DCTERMS.description, Literal(dataset.description, lang="id")))
        graph.add((node, DCAT.landingPage, node))
        graph.add((node, DCTERMS.issued, Literal(dataset.first_published_at, datatype=XSD.dateTime)))
        graph.add((node, DCTERMS.modified, Literal(dataset.last_published_at, datatype=XSD.dateTime)))
        graph.add((node, DCAT.theme, Literal(dataset.get_topic_display(), lang="id")))
        graph.add((node, DCTERMS.spatial, Literal(dataset.spatial)))
        if dataset.period:
            graph.add((node, DCTERMS.temporal, Literal(dataset.period)))
        graph.add((node, DCTERMS.accrualPeriodicity, FREQUENCY[FREQUENCIES[dataset.frequency]]))
        graph.add((node, DCTERMS.alternative, Literal(package_name(dataset))))
        for tag in sorted(tag.name for tag in dataset.tags.all()):
            graph.add((node, DCAT.keyword, Literal(tag)))
        if dataset.opd:
            publisher = publishers.get(dataset.opd.slug)
            if publisher is None:
                publisher = URIRef(f"urn:uuid:{stable_id('organization', dataset.opd.slug)}")
                graph.add((publisher, RDF.type, FOAF.Organization))
                graph.add((publisher, FOAF.name, Literal(dataset.opd.name)))
                publishers[dataset.opd.slug] = publisher
            graph.add((node, DCTERMS.publisher, publisher))
        if dataset.maintainer or dataset.maintainer_email:
            contact = BNode()
            graph.add((node, DCAT.contactPoint, contact))
            graph.add((contact, RDF.type, VCARD.Organization))
            graph.add((contact, VCARD.fn, Literal(dataset.maintainer or dataset.maintainer_email)))
            if dataset.maintainer_email:
                graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{dataset.maintainer_email}")))
        licence = LICENCE_URLS.get(dataset.licence)
        for resource in dataset.resources.all():
            distribution = URIRef(f"urn:uuid:{resource.resource_id}")
            url = request.build_absolute_uri(resource.get_url())
            graph.add((node, DCAT.distribution, distribution))
            graph.add((distribution, RDF.type, DCAT.Distribution))
            graph.add((distribution, DCTERMS.title, Literal(resource.name)))
            if resource.description:
                graph.add((distribution, DCTERMS.description, Literal(resource.description)))
            graph.add((distribution, DCAT.accessURL, URIRef(url)))
            graph.add((distribution, DCAT.downloadURL, URIRef(url)))
            graph.add((distribution, DCAT.mediaType, Literal(resource.mimetype)))
            graph.add((distribution, DCTERMS.format, Literal(resource.format)))
            if resource.size:
                graph.add((distribution, DCAT.byteSize, Literal(resource.size, datatype=XSD.decimal)))
            if licence:
                graph.add((distribution, DCTERMS.license, URIRef(licence)))
    return graph


def catalogue_response(index, request, fmt):
    graph = build_graph(index, request)
    return HttpResponse(graph.serialize(format=fmt), content_type=CONTENT_TYPES[fmt])
