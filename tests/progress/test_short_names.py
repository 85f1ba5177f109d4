"""Agencies' Thai short names for charts (never a code such as PTN-AGRI-KKP)."""
import pytest

from progress.short_names import agency_short_name, chart_label


@pytest.mark.parametrize("name, short", [
    ("สำนักงานเกษตรจังหวัดปัตตานี", "สนง.เกษตรจังหวัด"),
    ("สำนักงานเกษตรอำเภอโคกโพธิ์", "สนง.เกษตร อ.โคกโพธิ์"),
    ("สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)", "สถาบันพัฒนาองค์กรชุมชน"),
    ("กรมวิชาการเกษตร", "กรมวิชาการเกษตร"),
    ("โครงการชลประทานปัตตานี", "โครงการชลประทานปัตตานี"),  # the province's name not after จังหวัด: kept
    ("สำนักงานพาณิชย์จังหวัดยะลา", "สนง.พาณิชย์จังหวัดยะลา"),  # another province's office keeps its name
])
def test_short_names(name, short):
    assert agency_short_name(name, province="ปัตตานี") == short


def test_long_labels_break_before_their_place_never_mid_word():
    assert chart_label("สนง.พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด") == "สนง.พัฒนาสังคมและความมั่นคงของมนุษย์\nจังหวัด"
    assert chart_label("สนง.ส่งเสริมการเกษตรที่สูงมาก อ.โคกโพธิ์") == "สนง.ส่งเสริมการเกษตรที่สูงมาก\nอ.โคกโพธิ์"
    assert chart_label("สนง.เกษตรจังหวัด") == "สนง.เกษตรจังหวัด"
    assert chart_label("สนง.สภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ") == "สนง.สภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ"
