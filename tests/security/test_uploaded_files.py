"""Uploaded files (minutes PDFs, workbook imports waiting for confirmation) live under MEDIA_ROOT and
are never served from a static or media path: only through views that check who asks."""
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import get_resolver
from django.views.static import serve

from templates_app.spreadsheets.pending import pending_store


def every_callback(resolver=None):
    for entry in (resolver or get_resolver()).url_patterns:
        if hasattr(entry, "url_patterns"):
            yield from every_callback(entry)
        else:
            yield entry.callback


def test_no_url_serves_files_from_disk():
    assert all(callback is not serve for callback in every_callback())


def test_media_root_is_outside_the_static_paths():
    media = settings.MEDIA_ROOT.resolve()
    static_dirs = [entry[1] if isinstance(entry, tuple) else entry for entry in settings.STATICFILES_DIRS]
    for folder in [settings.STATIC_ROOT, *static_dirs]:
        folder = type(media)(folder).resolve()
        assert not media.is_relative_to(folder) and not folder.is_relative_to(media), folder


def test_uploaded_files_are_not_reachable_by_url(client, world, admin_user):
    minutes = world["resolution"].minutes
    assert minutes.path.startswith(str(settings.MEDIA_ROOT))
    token = pending_store(data=b"PK\x03\x04 workbook", agency_id=world["agency_a"].pk, user_id=world["users"]["staff_a"].pk)
    assert token
    imports = list((settings.MEDIA_ROOT / "imports").iterdir())
    assert imports
    client.force_login(admin_user)
    for relative in [minutes.name, f"imports/{imports[0].name}"]:
        assert finders.find(relative) is None
        for prefix in ("/media/", "/static/", "/", "/static/../media/"):
            response = client.get(prefix + relative)
            assert response.status_code == 404, prefix + relative
    # the minutes are served only by the signed-in view
    assert client.get(f"/resolutions/{world['resolution'].pk}/minutes.pdf").status_code == 200
    client.logout()
    assert client.get(f"/resolutions/{world['resolution'].pk}/minutes.pdf").status_code == 302


@pytest.mark.parametrize("url", ["/media/", "/media/minutes/", "/media/imports/", "/static/"])
def test_media_and_folder_listings_are_404(client, db, url):
    assert client.get(url).status_code == 404
