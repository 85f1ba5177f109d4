"""An uploaded workbook kept server-side between the preview and the confirmation.

The file goes to MEDIA_ROOT/imports/<random>.xlsx; the page carries a signed token naming it,
the agency and the user, valid for an hour. Confirming re-reads and re-validates the file.
"""
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.core import signing

SALT = "templates_app.exchange.pending"
MAX_AGE = 60 * 60


def _folder() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def pending_store(*, data: bytes, agency_id: int, user_id: int) -> str:
    """Keep the bytes; return the signed token that names them."""
    _forget_stale()
    name = f"{secrets.token_hex(16)}.xlsx"
    (_folder() / name).write_bytes(data)
    return signing.dumps({"f": name, "a": agency_id, "u": user_id}, salt=SALT, compress=True)


def pending_path(*, token: str, agency_id: int, user_id: int) -> Path | None:
    """The kept file if the token is genuine, fresh, and was made for this user and agency."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if payload.get("a") != agency_id or payload.get("u") != user_id:
        return None
    name = str(payload.get("f", ""))
    path = _folder() / name
    if "/" in name or "\\" in name or not path.is_file():
        return None
    return path


def pending_discard(path: Path | None) -> None:
    if path is not None:
        path.unlink(missing_ok=True)


def _forget_stale() -> None:
    cutoff = time.time() - 2 * MAX_AGE
    for path in _folder().glob("*.xlsx"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
        except OSError:
            continue
