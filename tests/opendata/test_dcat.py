"""The catalog's DCAT-AP 3 conforms to the official DCAT-AP 3.0.0 SHACL shapes (pyshacl), on the demo."""
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

#: The official shapes, unmodified (CC-BY 4.0, © European Union; source in the file's header).
SHAPES = Path(__file__).with_name("dcat-ap-3.0.0-shacl.ttl")
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shapes():
    return Graph().parse(SHAPES, format="turtle")


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_the_demo_catalog_has_no_shacl_violation(demo, client, shapes):
    response = client.get("/catalog.ttl")
    graph = Graph().parse(data=response.content.decode(), format="turtle")
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) > 10
    conforms, _report, text = validate(graph, shacl_graph=shapes, inference="none", meta_shacl=False)
    assert conforms, text
    titles = set(graph.objects(datasets[0], DCTERMS.title))
    assert any(title.language == "th" for title in titles)
    assert any(title.language == "en" for title in titles)


@pytest.mark.parametrize("fmt, parser", [("jsonld", "json-ld"), ("rdf", "xml")])
def test_every_format_holds_the_same_graph(demo, client, fmt, parser):
    turtle = Graph().parse(data=client.get("/catalog.ttl").content.decode(), format="turtle")
    other = Graph().parse(data=client.get(f"/catalog.{fmt}").content.decode(), format=parser)
    assert len(other) == len(turtle)


def test_catalog_pages_and_one_data_set(catalog, client, shapes):
    from opendata.dcat import PER_PAGE

    records = [catalog.approved(resources=0) for _ in range(3)]
    first = Graph().parse(data=client.get("/catalog.ttl").content.decode(), format="turtle")
    assert len(list(first.subjects(RDF.type, DCAT.Dataset))) == 3 and PER_PAGE == 100
    assert (None, URIRef("http://www.w3.org/ns/hydra/core#totalItems"), Literal(3)) in first
    assert client.get("/catalog.ttl", {"page": 2}).status_code == 404
    one = Graph().parse(data=client.get(f"/datasets/{records[0].approved_dataset_name}.ttl").content.decode(),
                        format="turtle")
    assert len(list(one.subjects(RDF.type, DCAT.Dataset))) == 1
    conforms, _report, text = validate(one, shacl_graph=shapes, inference="none")
    assert conforms, text
