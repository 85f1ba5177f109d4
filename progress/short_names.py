"""Agencies' Thai short names for charts, where a full name (or a code such as PTN-AGRI-KKP) does not fit.

Thai offices are named by the usual abbreviations: สำนักงาน → สนง., อำเภอ → อ., "(องค์การมหาชน)" is left out,
and the province's own name after จังหวัด is dropped (every chart is of one province): สำนักงานเกษตรจังหวัดปัตตานี
→ สนง.เกษตรจังหวัด, สำนักงานเกษตรอำเภอโคกโพธิ์ → สนง.เกษตร อ.โคกโพธิ์.
"""
import re

#: A label longer than this is broken onto two lines before its place part.
ONE_LINE = 22


def agency_short_name(name_th: str, *, province: str = "") -> str:
    name = re.sub(r"\s*\(องค์การมหาชน\)", "", name_th).strip()
    name = re.sub(r"^สำนักงาน", "สนง.", name)
    if province:
        name = re.sub(rf"จังหวัด\s*{re.escape(province)}$", "จังหวัด", name)
    name = re.sub(r"\s*อำเภอ", " อ.", name)
    return name.strip()


def chart_label(name: str) -> str:
    """`name` on at most two lines (a newline) for a chart axis: the break goes before จังหวัด / อ., never
    mid-word; a long name without such a part stays on one line."""
    if len(name) <= ONE_LINE:
        return name
    match = re.search(r"(?<=\S)(?=จังหวัด$)| (?=อ\.)", name)
    return f"{name[:match.start()]}\n{name[match.end():].strip()}" if match else name
