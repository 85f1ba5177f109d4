from visualizations.markup import render_findings


def test_paragraphs_bullets_and_bold():
    html = render_findings("สรุป **สำคัญ**\nบรรทัดสอง\n\n- หนึ่ง\n• สอง")
    assert html == "<p>สรุป <strong>สำคัญ</strong><br>บรรทัดสอง</p>\n<ul><li>หนึ่ง</li><li>สอง</li></ul>"


def test_everything_else_is_escaped():
    html = render_findings('<script>alert("x")</script> **<i>b</i>**')
    assert "<script>" not in html and "<i>" not in html
    assert "&lt;script&gt;" in html and "<strong>&lt;i&gt;b&lt;/i&gt;</strong>" in html


def test_empty():
    assert render_findings("") == "" and render_findings(None) == ""
