"""Sign-in throttling (django-axes): 10 wrong passwords lock that username from that address for a while."""
import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from accounts.models import User
from tests.factories import UserFactory

PASSWORD = "pw-for-tests-2566"


@pytest.fixture
def alice(db):
    return UserFactory(username="alice", role=User.Role.STATISTICS_OFFICE)


def sign_in(client, username, password, ip="10.0.0.1"):
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def fail(client, username, times, ip="10.0.0.1"):
    for _ in range(times):
        response = sign_in(client, username, "wrong-password", ip)
        assert response.status_code in (200, 429)


def test_nine_failures_still_let_the_right_password_in(client, alice):
    fail(client, "alice", 9)
    response = sign_in(client, "alice", PASSWORD)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == alice.pk


def test_a_success_resets_the_count(client, alice):
    fail(client, "alice", 9)
    assert sign_in(client, "alice", PASSWORD).status_code == 302
    client.logout()
    fail(client, "alice", 9)
    assert sign_in(client, "alice", PASSWORD).status_code == 302


def test_the_tenth_failure_locks_and_the_right_password_is_refused(client, alice):
    fail(client, "alice", 9)
    tenth = sign_in(client, "alice", "wrong-password")
    assert tenth.status_code == 429
    eleventh = sign_in(client, "alice", PASSWORD)
    assert eleventh.status_code == 429
    assert "_auth_user_id" not in client.session
    page = eleventh.content.decode()
    assert "ระงับการเข้าสู่ระบบชั่วคราว" in page  # the Thai lockout page
    assert "30" in page  # minutes to wait
    attempt = AccessAttempt.objects.get(username="alice")
    assert attempt.failures_since_start >= 10 and attempt.ip_address == "10.0.0.1"
    assert "wrong-password" not in str(attempt.post_data) and PASSWORD not in str(attempt.post_data)


def test_another_user_and_another_address_are_not_locked(client, alice):
    bob = UserFactory(username="bob", role=User.Role.VIEWER)
    fail(client, "alice", 10)
    assert sign_in(client, "alice", PASSWORD).status_code == 429
    assert sign_in(client, "bob", PASSWORD).status_code == 302
    assert int(client.session["_auth_user_id"]) == bob.pk
    client.logout()
    # alice from another computer: the lockout is per username and address
    assert sign_in(client, "alice", PASSWORD, ip="10.0.0.2").status_code == 302


def test_the_lock_ends_after_the_cool_off(client, alice):
    fail(client, "alice", 10)
    assert sign_in(client, "alice", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=31))
    assert sign_in(client, "alice", PASSWORD).status_code == 302


def test_failures_are_logged(client, alice, caplog):
    with caplog.at_level("WARNING", logger="axes"):
        fail(client, "alice", 10)
    assert any("alice" in record.getMessage() for record in caplog.records if record.name.startswith("axes"))
