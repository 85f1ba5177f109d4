"""The catalog as DCAT-AP 3 (rdflib): a `dcat:Catalog` of the published data sets, a page at a time.

Built from the published package dicts only. Literals carry `@th` (and `@en` where the portal has an
English text). Every object a DCAT-AP 3 shape constrains by class is typed here (agents, documents,
concepts, licences, media types), as the official shapes require.
"""
import re

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
THAI = URIRef("http://publications.europa.eu/resource/authority/language/THA")
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
FORMATS = {"rdf": ("xml", "application/rdf+xml"), "ttl": ("turtle", "text/turtle"),
           "jsonld": ("json-ld", "application/ld+json")}
PER_PAGE = 100


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD), ("skos", SKOS),
                              ("hydra", HYDRA)):
        graph.bind(prefix, namespace)
    return graph


def _texts(graph: Graph, node, predicate, th: str, en: str = "") -> None:
    if th:
        graph.add((node, predicate, Literal(th, lang="th")))
    if en:
        graph.add((node, predicate, Literal(en, lang="en")))


def _typed(graph: Graph, iri: str, kind) -> URIRef:
    node = URIRef(iri)
    graph.add((node, RDF.type, kind))
    return node


def _time(text: str | None) -> Literal | None:
    return Literal(text, datatype=XSD.dateTime) if text else None


def add_catalog(graph: Graph, *, base: str, titles: tuple[str, str], packages: list[dict], modified: str | None) -> URIRef:
    catalog = _typed(graph, f"{base}/catalog", DCAT.Catalog)
    _texts(graph, catalog, DCTERMS.title, *titles)
    _texts(graph, catalog, DCTERMS.description, f"บัญชีข้อมูลสาธารณะของ{titles[0]}",
           f"The public data sets of the {titles[1]}")
    publisher = _typed(graph, f"{base}/#publisher", FOAF.Agent)
    _texts(graph, publisher, FOAF.name, *titles)
    graph.add((catalog, DCTERMS.publisher, publisher))
    graph.add((catalog, FOAF.homepage, _typed(graph, f"{base}/datasets/", FOAF.Document)))
    graph.add((catalog, DCTERMS.language, _typed(graph, str(THAI), DCTERMS.LinguisticSystem)))
    graph.add((catalog, DCAT.themeTaxonomy, _scheme(graph, base)))
    if modified:
        graph.add((catalog, DCTERMS.modified, _time(modified)))
    for package in packages:
        graph.add((catalog, DCAT.dataset, add_dataset(graph, base=base, package=package)))
    return catalog


def add_dataset(graph: Graph, *, base: str, package: dict) -> URIRef:
    page = f"{base}/datasets/{package['name']}/"
    dataset = _typed(graph, page + "#dataset", DCAT.Dataset)
    graph.add((dataset, DCTERMS.identifier, Literal(package["id"])))
    _texts(graph, dataset, DCTERMS.title, package["title"], package.get("title_en", ""))
    _texts(graph, dataset, DCTERMS.description, package.get("notes") or package["title"])
    for tag in package.get("tags", []):
        graph.add((dataset, DCAT.keyword, Literal(tag["name"], lang="th")))
    for predicate, key in ((DCTERMS.issued, "metadata_created"), (DCTERMS.modified, "metadata_modified")):
        if package.get(key):
            graph.add((dataset, predicate, _time(package[key])))
    graph.add((dataset, DCAT.landingPage, _typed(graph, page, FOAF.Document)))
    graph.add((dataset, DCTERMS.language, _typed(graph, str(THAI), DCTERMS.LinguisticSystem)))
    org = package["organization"]
    publisher = _typed(graph, f"{base}/organization/{org['name']}", FOAF.Agent)
    _texts(graph, publisher, FOAF.name, org["title"], org.get("title_en", ""))
    graph.add((dataset, DCTERMS.publisher, publisher))
    if package.get("maintainer") or package.get("maintainer_email"):
        contact = BNode()
        graph.add((contact, RDF.type, VCARD.Kind))
        _texts(graph, contact, VCARD.fn, package.get("maintainer", ""))
        if package.get("maintainer_email"):
            graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{package['maintainer_email']}")))
        graph.add((dataset, DCAT.contactPoint, contact))
    for group in package.get("groups", []):
        theme = _typed(graph, f"{base}/groups/{group['name']}", SKOS.Concept)
        _texts(graph, theme, SKOS.prefLabel, group["title"], group.get("title_en", ""))
        graph.add((theme, SKOS.inScheme, _scheme(graph, base)))
        graph.add((dataset, DCAT.theme, theme))
    licence = _licence(graph, base, package.get("license_id", ""))
    for resource in package.get("resources", []):
        graph.add((dataset, DCAT.distribution, _distribution(graph, page, resource, licence)))
    return dataset


def _scheme(graph: Graph, base: str) -> URIRef:
    """The development issues as a concept scheme (the themes of the data sets)."""
    scheme = _typed(graph, f"{base}/groups", SKOS.ConceptScheme)
    _texts(graph, scheme, DCTERMS.title, "ประเด็นการพัฒนาจังหวัด", "Provincial development issues")
    return scheme


def _licence(graph: Graph, base: str, license_id: str):
    if not license_id:
        return None
    slug = re.sub(r"[^a-z0-9]+", "-", license_id.lower()).strip("-") or "other"
    licence = _typed(graph, f"{base}/licenses/{slug}", DCTERMS.LicenseDocument)
    graph.add((licence, RDFS.label, Literal(license_id)))
    return licence


def _distribution(graph: Graph, page: str, resource: dict, licence) -> URIRef:
    node = _typed(graph, f"{page}#resource-{resource['id']}", DCAT.Distribution)
    graph.add((node, DCAT.accessURL, _typed(graph, resource["url"], RDFS.Resource)))
    _texts(graph, node, DCTERMS.title, resource.get("name", ""))
    _texts(graph, node, DCTERMS.description, resource.get("description", ""))
    fmt = re.sub(r"[^A-Z0-9_]+", "_", str(resource.get("format", "")).upper()).strip("_")
    if fmt:
        graph.add((node, DCTERMS["format"], _typed(graph, FILE_TYPE + fmt, DCTERMS.MediaTypeOrExtent)))
    if resource.get("last_modified"):
        graph.add((node, DCTERMS.modified, _time(resource["last_modified"])))
    if licence is not None:
        graph.add((node, DCTERMS.license, licence))
    return node


def add_paging(graph: Graph, *, url: str, page: int, total: int) -> None:
    """Hydra paging, as CKAN's DCAT extension pages its catalog endpoint."""
    last = max(1, -(-total // PER_PAGE))
    here = _typed(graph, f"{url}?page={page}", HYDRA.PagedCollection)
    graph.add((here, HYDRA.totalItems, Literal(total, datatype=XSD.integer)))
    graph.add((here, HYDRA.itemsPerPage, Literal(PER_PAGE, datatype=XSD.integer)))
    graph.add((here, HYDRA.firstPage, Literal(f"{url}?page=1")))
    graph.add((here, HYDRA.lastPage, Literal(f"{url}?page={last}")))
    if page < last:
        graph.add((here, HYDRA.nextPage, Literal(f"{url}?page={page + 1}")))
    if page > 1:
        graph.add((here, HYDRA.previousPage, Literal(f"{url}?page={page - 1}")))


def serialize(graph: Graph, fmt: str) -> tuple[str, str]:
    rdflib_format, content_type = FORMATS[fmt]
    return graph.serialize(format=rdflib_format), content_type
