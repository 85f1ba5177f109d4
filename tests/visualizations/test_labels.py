"""Chart labels wrapped and shortened at Thai word boundaries (PyThaiNLP), never mid-word."""
from visualizations.charts.labels import display_width, fit_label, fit_lines, wrap_words

NO_JOB = "ครัวเรือนที่มีคนอายุ 15-60 ปี ที่ไม่มีอาชีพและรายได้ (จปฐ.)"


def test_display_width_ignores_marks_above_and_below():
    assert display_width("ที่") == 1 and display_width("ได้") == 2 and display_width("abc") == 3


def test_lines_break_between_thai_words_and_keep_punctuation_with_its_word():
    lines = wrap_words(NO_JOB, 22)
    assert "".join(lines).replace(" ", "") == NO_JOB.replace(" ", "")
    assert all(display_width(line) <= 22 for line in lines)
    assert lines[0] == "ครัวเรือนที่มีคนอายุ 15-60 ปี"
    assert wrap_words("อาชีพและรายได้ (จปฐ.)", 16)[-1] == "(จปฐ.)"


def test_too_long_is_shortened_at_a_word_with_an_ellipsis():
    lines = fit_lines(NO_JOB, 22, max_lines=2)
    assert lines == ["ครัวเรือนที่มีคนอายุ 15-60 ปี", "ที่ไม่มีอาชีพและรายได้…"]
    assert fit_lines(NO_JOB, 22, max_lines=1) == ["ครัวเรือนที่มีคนอายุ 15-60…"]
    assert not any(line.endswith("อาชีพแ…") for line in fit_lines(NO_JOB, 18, max_lines=2))


def test_label_markup_escapes_each_line():
    assert fit_label("A & <b> ครัวเรือนที่มีคน", 14, max_lines=3) == "A &amp; &lt;b&gt;<br>ครัวเรือนที่มีคน"
