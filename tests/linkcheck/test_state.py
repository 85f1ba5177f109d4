from datetime import datetime, timedelta, timezone

from django.utils import translation

from linkcheck.check import CheckResult, CheckState, Status, next_state

T0 = datetime(2026, 11, 24, 6, 0, tzinfo=timezone.utc)


def result(status, at, reason="ok", http_status=None):
    return CheckResult(url="https://a.go.th/x", status=status, reason=reason, checked_at=at,
                       http_status=http_status, final_url="https://a.go.th/x")


def test_a_new_link_is_unchecked():
    assert CheckState().status == Status.UNCHECKED
    assert CheckState().failure_count == 0


def test_failures_count_up_from_the_first_and_ok_clears_them():
    state = next_state(None, result(Status.BROKEN, T0, "http_error", 404))
    assert (state.status, state.failure_count, state.first_failure_at) == (Status.BROKEN, 1, T0)

    later = T0 + timedelta(days=1)
    state = next_state(state, result(Status.UNSURE, later, "timeout"))
    assert (state.status, state.failure_count, state.first_failure_at) == (Status.UNSURE, 2, T0)
    assert state.last_checked_at == later

    state = next_state(state, result(Status.TLS_ERROR, later + timedelta(days=1), "tls_certificate"))
    assert (state.failure_count, state.first_failure_at) == (3, T0)

    done = T0 + timedelta(days=3)
    state = next_state(state, result(Status.OK, done, http_status=200))
    assert (state.status, state.failure_count, state.first_failure_at, state.last_ok_at) == (Status.OK, 0, None, done)
    assert state.http_status == 200


def test_next_state_does_not_change_the_previous_state():
    before = CheckState()
    next_state(before, result(Status.BROKEN, T0, "http_error", 500))
    assert before == CheckState()


def test_status_labels_are_thai():
    with translation.override("th"):
        labels = {status.value: str(status.label) for status in Status}
    assert labels == {
        "unchecked": "ยังไม่ได้ตรวจสอบ",
        "ok": "ใช้งานได้",
        "broken": "ลิงก์เสีย",
        "unsure": "ไม่แน่ชัด (ลองใหม่ภายหลัง)",
        "tls_error": "ใบรับรองความปลอดภัยไม่ถูกต้อง",
        "offline": "ยังไม่ได้ตรวจ: ตัวตรวจสอบเชื่อมต่ออินเทอร์เน็ตไม่ได้",
    }


def test_reason_messages_are_thai_and_name_the_status():
    with translation.override("th"):
        message = result(Status.BROKEN, T0, "http_error", 404).message
    assert "404" in message
    assert "HTTP" in message
