"""The Content-Security-Policy header, and templates that need nothing inline to run under it."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = [path for path in ROOT.glob("**/templates/**/*.html") if ".venv" not in path.parts]
# JSON data blocks (application/json, schema.org's application/ld+json) are not run, so CSP has nothing to allow.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I)
JS_URL = re.compile(r"(href|src|action)\s*=\s*[\"']\s*javascript:", re.I)


def test_every_page_carries_the_policy(client, db):
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"  # no inline, no eval, no CDN
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert directives["base-uri"] == "'self'" and directives["form-action"] == "'self'"
    assert "http" not in policy


def test_templates_exist_to_check():
    assert len(TEMPLATES) > 40


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_inline_script_or_handler(path):
    text = path.read_text(encoding="utf-8")
    assert not INLINE_SCRIPT.search(text), "move the script to a static file"
    assert not INLINE_HANDLER.search(text), "use a data- attribute and a static script"
    assert not JS_URL.search(text)
    assert "<style" not in text, "move the style block to a static file"
