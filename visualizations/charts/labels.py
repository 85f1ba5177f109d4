"""Axis labels that fit: wrapped, or shortened, at a word boundary (Thai has no spaces, so a word
segmenter finds the boundaries). Pure text in, text out; widths count what takes room on screen."""
import unicodedata
from functools import lru_cache

from pythainlp.tokenize import word_tokenize

from visualizations.charts.style import esc

ELLIPSIS = "…"
_OPENING = set("([{“‘\"'")
_GLUE = set("-–/")


def display_width(text: str) -> int:
    """Characters that take room: Thai vowel and tone marks above or below a consonant take none."""
    return sum(1 for ch in text if unicodedata.category(ch) not in ("Mn", "Me", "Cf"))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    """Units a line may break between: Thai words; punctuation stays with its word ("(จปฐ.)", "15-60")."""
    units: list[str] = []
    glue_next = False
    for token in word_tokenize(text, keep_whitespace=True):
        if token.isspace():
            units.append(" ")
            glue_next = False
            continue
        attaches_back = bool(units) and units[-1] != " " and (
            glue_next or not any(ch.isalnum() for ch in token) and token[0] not in _OPENING)
        if attaches_back:
            units[-1] += token
        else:
            units.append(token)
        glue_next = token[-1] in _OPENING or token[-1] in _GLUE
    return tuple(units)


def wrap_words(text: str, width: int) -> list[str]:
    """Lines of at most `width` (display width) broken only between words; a single word longer
    than the width stays whole on its own line."""
    lines: list[str] = []
    current = ""
    for unit in _words(str(text).strip()):
        if unit == " ":
            if current:
                current += " "
            continue
        if current.strip() and display_width(current + unit) > width:
            lines.append(current.strip())
            current = unit
        else:
            current += unit
    if current.strip():
        lines.append(current.strip())
    return lines or [""]


def fit_lines(text: str, width: int, max_lines: int = 2) -> list[str]:
    """`text` on at most `max_lines` lines of `width`; what does not fit is left out at a word
    boundary and marked with an ellipsis."""
    lines = wrap_words(text, width)
    if len(lines) > max_lines:
        last = wrap_words(lines[max_lines - 1], width - 1)[0]
        lines = lines[: max_lines - 1] + [last + ELLIPSIS]
    return lines


def fit_label(text: str, width: int, max_lines: int = 2) -> str:
    """`fit_lines` as plotly label markup: each line escaped, joined with <br>."""
    return "<br>".join(esc(line) for line in fit_lines(text, width, max_lines))
