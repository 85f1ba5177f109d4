"""The small safe markup of key findings: escape everything first, then allow only
paragraphs (blank line), bullets (“- ” or “• ” at the start of a line) and **bold**."""
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^\s*[-•]\s+")


def render_findings(text: str) -> SafeString:
    blocks = []
    for block in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip()):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        html_lines = [_BOLD.sub(r"<strong>\1</strong>", str(escape(_BULLET.sub("", line)))) for line in lines]
        if all(_BULLET.match(line) for line in lines):
            blocks.append("<ul>" + "".join(f"<li>{line}</li>" for line in html_lines) + "</ul>")
        else:
            blocks.append("<p>" + "<br>".join(html_lines) + "</p>")
    return mark_safe("\n".join(blocks))  # every piece of user text above went through escape()
