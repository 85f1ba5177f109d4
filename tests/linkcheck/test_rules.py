import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from linkcheck.check import validate_source_url

PATTANI = ["pattani.doae.go.th"]

ACCEPTED = [
    ("https://pattani.doae.go.th/x", PATTANI),
    ("https://www.pattani.doae.go.th/x", PATTANI),
    ("http://pattani.doae.go.th/", PATTANI),
    ("  https://pattani.doae.go.th/x?year=2566  ", PATTANI),
    ("HTTPS://Pattani.DOAE.go.th/Data.xlsx", PATTANI),
    ("https://pattani.doae.go.th./x", PATTANI),
    ("https://pattani.doae.go.th:8443/x", PATTANI),
    ("https://www.pattani.doae.go.th/x", ["Pattani.DOAE.go.th."]),
    ("https://doae.go.th/x", ["pattani.doae.go.th", "doae.go.th"]),
    ("https://ตัวอย่าง.go.th/ข้อมูล", ["xn--72c1a1bt4awk9o.go.th"]),
    ("https://xn--72c1a1bt4awk9o.go.th/x", ["ตัวอย่าง.go.th"]),
    ("http://127.0.0.1:8000/data.csv", ["127.0.0.1"]),
    ("http://localhost:8000/data.csv", ["localhost"]),
    ("http://[::1]:8000/data.csv", ["::1"]),
]

REJECTED = [
    ("https://pattani.doae.go.th.evil.example/x", PATTANI, "domain_not_allowed"),
    ("https://doae.go.th/x", PATTANI, "domain_not_allowed"),
    ("https://evilpattani.doae.go.th/x", PATTANI, "domain_not_allowed"),
    ("https://xpattani.doae.go.th/x", ["pattani.doae.go.th"], "domain_not_allowed"),
    ("ftp://pattani.doae.go.th/x.csv", PATTANI, "invalid_scheme"),
    ("javascript:alert(1)", PATTANI, "invalid_scheme"),
    ("pattani.doae.go.th/x", PATTANI, "invalid_scheme"),
    ("//pattani.doae.go.th/x", PATTANI, "invalid_scheme"),
    ("https://user:pw@pattani.doae.go.th/", PATTANI, "credentials"),
    ("https://user@pattani.doae.go.th/", PATTANI, "credentials"),
    ("https://evil.example\\@pattani.doae.go.th/", PATTANI, "invalid_url"),
    ("https://pattani.doae.go.th/a b", PATTANI, "invalid_url"),
    ("https:///x", PATTANI, "invalid_host"),
    ("https://pattani..doae.go.th/x", PATTANI, "invalid_host"),
    ("https://pattani.doae.go.th:99999/x", PATTANI, "invalid_port"),
    ("https://pattani.doae.go.th:0/x", PATTANI, "invalid_port"),
    ("", PATTANI, "required"),
    ("   ", PATTANI, "required"),
    ("https://127.0.0.2/x", ["127.0.0.1"], "domain_not_allowed"),
    ("https://1.127.0.0.1/x", ["127.0.0.1"], "domain_not_allowed"),
    ("https://pattani.doae.go.th/x", [], "no_domains"),
]


@pytest.mark.parametrize(("url", "domains"), ACCEPTED)
def test_accepts_links_on_a_registered_domain_or_subdomain(url, domains):
    assert validate_source_url(url, domains=domains) == url.strip()


@pytest.mark.parametrize(("url", "domains", "code"), REJECTED)
def test_rejects_with_a_code(url, domains, code):
    with pytest.raises(ValidationError) as caught:
        validate_source_url(url, domains=domains)
    assert caught.value.code == code


def test_the_message_lists_the_allowed_domains():
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        validate_source_url("https://doae.go.th/x", domains=["www.pattani.go.th", "pattani.doae.go.th"])
    message = caught.value.messages[0]
    assert "pattani.doae.go.th, www.pattani.go.th" in message
    assert "doae.go.th" in message


def test_the_message_is_in_thai_by_default():
    with translation.override("th"), pytest.raises(ValidationError) as caught:
        validate_source_url("https://evil.example/x", domains=PATTANI)
    assert "pattani.doae.go.th" in caught.value.messages[0]
    assert "เว็บไซต์" in caught.value.messages[0]
