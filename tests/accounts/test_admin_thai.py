"""The Thai admin: django-axes's screens and Django's own wrong Thai for "None available"."""
import pytest

pytestmark = pytest.mark.django_db


def test_admin_index_names_axes_in_thai_and_says_none_available_right(client, admin_user,
                                                                      django_assert_max_num_queries):
    client.force_login(admin_user)
    with django_assert_max_num_queries(12):
        page = client.get("/admin/").content.decode()
    assert "การจำกัดการเข้าระบบ" in page and "ความพยายามเข้าระบบ" in page and "บันทึกการเข้าระบบ" in page
    assert "ไม่มีรายการ" in page  # the recent-actions box: Django's Thai says ไม่ว่าง ("not busy")
    assert "ไม่ว่าง" not in page and ">Axes<" not in page


def test_axes_access_attempts_list_is_thai(client, admin_user, django_assert_max_num_queries):
    client.post("/accounts/login/", {"username": "ghost", "password": "wrong-guess"}, REMOTE_ADDR="10.9.9.9")
    client.force_login(admin_user)
    with django_assert_max_num_queries(12):
        page = client.get("/admin/axes/accessattempt/").content.decode()
    assert "หมายเลข IP" in page and "ชื่อผู้ใช้" in page and "เวลาที่พยายามเข้าระบบ" in page
    assert "IP Address" not in page and "Attempt Time" not in page
