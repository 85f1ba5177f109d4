"""`make run`, the trainer's demo, for real: DEBUG off, so an unknown page is the site's own 404 (never
Django's debug page listing every URL pattern); static files still served; readable console lines."""
import subprocess

from tests.reliability.test_serve import (  # noqa: F401 - fixtures
    app_dir, database_url, fetch, free_port, production_env, stop, wait_until_up,
)


def test_make_run_shows_the_sites_own_404_and_serves_static(database_url, app_dir, tmp_path):  # noqa: F811
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = production_env(database_url, tmp_path)
    for name in ("DJANGO_DEBUG", "DJANGO_SECRET_KEY", "DJANGO_SECURE_COOKIES"):
        env.pop(name)  # as a trainer types it: `make run`, nothing else
    log = tmp_path / "run.log"
    with log.open("wb") as out:
        server = subprocess.Popen(["make", "-o", ".venv/.installed", "run", f"PORT={port}"], cwd=app_dir, env=env,
                                  stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until_up(base, server, log)
        status, _, body = fetch(f"{base}/no-such-page/")
        page = body.decode()
        assert status == 404 and "ไม่พบหน้าที่ต้องการ" in page
        assert "URLconf" not in page and "DEBUG = True" not in page
        home = fetch(f"{base}/")[2].decode()
        assert "/static/css/portal.css" in home  # no collectstatic: the source files, by their own names
        status, headers, body = fetch(f"{base}/static/css/portal.css")
        assert status == 200 and body and "text/css" in headers.get("Content-Type", "")
        assert fetch(f"{base}/static/vendor/plotly/plotly.min.js")[0] == 200
        assert fetch(f"{base}/static/bootstrap/js/bootstrap.bundle.min.js")[0] == 200
    finally:
        stop(server)
    console = log.read_text(errors="replace")
    assert '"GET /no-such-page/ HTTP/1.1" 404' in console
    assert not [line for line in console.splitlines() if "portal.audit" in line and "{" in line]
