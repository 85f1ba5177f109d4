"""Small field validators. Every error carries a `code` so importers and the API can map it."""
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HOSTNAME_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


def validate_not_blank(value: str) -> None:
    """Reject text that is empty once surrounding white space is removed."""
    if not str(value).strip():
        raise ValidationError(_("This field cannot be empty or only spaces."), code="blank")


def validate_hostname(value: str) -> None:
    """A bare host name such as `pattani.doae.go.th` (lower case, no scheme, path or port)."""
    if not HOSTNAME_RE.match(value or ""):
        raise ValidationError(
            _("“%(value)s” is not a host name such as pattani.doae.go.th."),
            code="invalid_hostname",
            params={"value": value},
        )


def validate_code(value: str) -> None:
    """Short codes for agencies and items: letters, digits, `-`, `_`, `.`."""
    if not CODE_RE.match(value or ""):
        raise ValidationError(
            _("“%(value)s” is not a valid code: use letters, digits, “-”, “_” or “.” (at most 40)."),
            code="invalid_code",
            params={"value": value},
        )


MINUTES_MAX_BYTES = 10 * 1024 * 1024


def validate_pdf(upload) -> None:
    """A PDF of at most 10 MB (checked by its first bytes, not its name)."""
    if upload.size > MINUTES_MAX_BYTES:
        raise ValidationError(_("The file is larger than %(mb)s MB."), code="too_large",
                              params={"mb": MINUTES_MAX_BYTES // (1024 * 1024)})
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(5)
    upload.seek(position)
    if head != b"%PDF-":
        raise ValidationError(_("The file must be a PDF."), code="not_pdf")
