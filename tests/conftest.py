import gc

# Imported here, at collection, and not lazily by its plugin at the end of the run: Python 3.11.7 can raise
# "AST constructor recursion depth mismatch" when pytest rewrites a module after a library handled a
# RecursionError mid-run, which turned a green run into a crash in the terminal summary.
import hypothesis  # noqa: F401
import pytest
from django.core.cache import cache
from django.db.backends.base.base import BaseDatabaseWrapper

from accounts.models import User
from catalog.demo import demo_files, demo_users
from catalog.services import reference_load
from tests.core.hostile_files import bomb
from tests.factories import AgencyFactory, UserFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """pytest-django's test database, and before it is dropped: close every connection still open.

    The session-wide live server of the browser tests leaves a connection object in the main thread
    that the end of the session never closes, and PostgreSQL refuses to drop a database someone is
    connected to. (Found with `type()`: `isinstance` would evaluate lazy objects lying around.)
    """
    yield
    for wrapper in [obj for obj in gc.get_objects() if issubclass(type(obj), BaseDatabaseWrapper)]:
        if wrapper.connection is not None and not wrapper.in_atomic_block:
            wrapper.inc_thread_sharing()  # it may belong to the live server's thread (SQLite checks)
            try:
                wrapper.close()
            finally:
                wrapper.dec_thread_sharing()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached pages (the cache lives in the test process's memory)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def pattani(db):
    """The Pattani reference lists from fixtures/, loaded the way `load_demo` loads them."""
    reference_load(files=demo_files())


@pytest.fixture
def pattani_users(pattani):
    return {user.username: user for user in demo_users(password="pw-for-tests-2566")}


@pytest.fixture
def office_user(db):
    return UserFactory(username="office", role=User.Role.STATISTICS_OFFICE)


@pytest.fixture
def admin_user(db):
    return UserFactory(username="boss", role=User.Role.ADMIN, is_staff=True, is_superuser=True)


@pytest.fixture
def agency_user(db):
    return UserFactory(username="staff-a", role=User.Role.AGENCY_STAFF, agency=AgencyFactory(code="AG-A"))


@pytest.fixture
def other_agency_user(db):
    return UserFactory(username="staff-b", role=User.Role.AGENCY_STAFF, agency=AgencyFactory(code="AG-B"))


@pytest.fixture(scope="session")
def bomb_900() -> bytes:
    """An .xlsx of 0.93 MB that unpacks to 900 MiB (built once per run, in about a second)."""
    return bomb(900)
