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


@pytest.fixture
def five_users(db):
    return [UserFactory(username=f"user{n}", role=User.Role.VIEWER) for n in range(1, 6)]


def test_fifteen_guesses_over_five_users_lock_the_address(client, five_users, alice):
    """Password spraying: 3 guesses at each of 5 accounts never reach the per-user limit of 10."""
    for guess in range(3):
        for user in five_users:
            response = sign_in(client, user.username, "wrong-password")
    assert response.status_code == 429  # the 15th guess
    assert sign_in(client, "alice", PASSWORD).status_code == 429  # any account, even with its right password
    assert "_auth_user_id" not in client.session
    assert sign_in(client, "alice", PASSWORD, ip="10.0.0.2").status_code == 302  # another address is unaffected


def test_fourteen_guesses_over_five_users_still_let_the_right_password_in(client, five_users, alice):
    fail(client, "user1", 2)
    for user in five_users[1:]:
        fail(client, user.username, 3)
    assert sign_in(client, "alice", PASSWORD).status_code == 302


def test_a_sprayers_own_success_does_not_forgive_the_other_guesses(client, five_users, alice):
    for user in five_users:
        fail(client, user.username, 2)
    fail(client, "alice", 4)  # 14 from this address
    assert sign_in(client, "alice", PASSWORD).status_code == 302  # forgives alice's 4, not the other 10
    client.logout()
    fail(client, "user1", 4)  # 14 again
    assert sign_in(client, "user2", "wrong-password").status_code == 429


def test_the_address_limit_is_a_setting(client, five_users, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 4
    fail(client, "user1", 2)
    fail(client, "user2", 1)
    assert sign_in(client, "user3", "wrong-password").status_code == 429
