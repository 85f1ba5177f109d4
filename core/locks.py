"""Nobody waits forever on a lock: one place turns a lock wait that gave up into a clear refusal.

PostgreSQL connections carry `lock_timeout` (`DJANGO_DB_LOCK_TIMEOUT`, seconds): a statement that waits
longer for a row another request holds fails with SQLSTATE 55P03 (lock_not_available, as `NOWAIT` does);
a deadlock fails with 40P01. SQLite says "database is locked" after its own busy timeout.

    @busy_records()            # on a service: the error becomes RecordBusy, a ValidationError forms show
    def metadata_approve(...): ...

Anything not converted reaches `core.middleware.RecordBusyMiddleware`: a 409 page, or JSON for the API.
"""
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import OperationalError
from django.utils.translation import gettext_lazy as _

LOCK_SQLSTATES = {"55P03", "40P01"}  # lock_not_available, deadlock_detected
BUSY_MESSAGE = _("Someone else is saving this record right now, so nothing was saved. Try again in a moment.")


class RecordBusy(ValidationError):
    def __init__(self):
        super().__init__(BUSY_MESSAGE, code="record_busy")


def is_lock_timeout(exc: BaseException) -> bool:
    """A database error that means "another request holds what this one needs"."""
    if isinstance(exc, RecordBusy):
        return True
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    return getattr(cause, "pgcode", None) in LOCK_SQLSTATES or "database is locked" in str(exc)


@contextmanager
def busy_records():
    """Turn a lock wait that gave up, raised inside, into `RecordBusy` (also usable as a decorator)."""
    try:
        yield
    except OperationalError as exc:
        if is_lock_timeout(exc):
            raise RecordBusy() from exc
        raise
