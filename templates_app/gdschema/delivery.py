"""How this portal's data reaches GD Catalog (settings.GDC_DELIVERY), and what that means for the forms.

- "workbook": the statistics office uploads the GD Catalog workbook to the Excel importer. A cell
  carries one choice (two values arrive as อื่นๆ), so every multi-choice item takes one value.
- "harvest": GD Catalog harvests the portal's CKAN API (the public catalog), which carries lists.
"""
from django.conf import settings

WORKBOOK, HARVEST = "workbook", "harvest"
MODES = (WORKBOOK, HARVEST)


def delivery_mode(mode: str | None = None) -> str:
    chosen = str(mode or getattr(settings, "GDC_DELIVERY", WORKBOOK)).strip().lower()
    if chosen not in MODES:
        raise ValueError(f"Unsupported GDC_DELIVERY {chosen!r}; use one of {MODES}")
    return chosen

#: Shown next to a Template 2 yes/no item in workbook delivery (Thai, English).
YES_NO_NOTE = (
    "ต้องตอบก่อนส่งตรวจ: โปรแกรมนำเข้าไฟล์ Excel ของ GD Catalog อ่านช่องที่ว่างเป็น “ใช่”",
    "Answer before submitting: GD Catalog's Excel importer reads an empty answer as “ใช่” (yes).",
)

#: Shown next to a multi-choice item in workbook delivery (Thai, English).
ONE_VALUE_NOTE = (
    "เลือก 1 ข้อ: พอร์ทัลนี้ส่งข้อมูลเข้า GD Catalog ด้วยไฟล์ Excel ซึ่งโปรแกรมนำเข้ารับได้ช่องละ 1 ค่า "
    "(ถ้าใส่หลายค่า GD Catalog จะบันทึกเป็น “อื่นๆ”) เลือกค่าที่ตรงที่สุด",
    "Choose one: this portal sends its data to GD Catalog as an Excel workbook, whose importer takes one value "
    "per cell (several values arrive as “อื่นๆ”, other). Pick the one that fits best.",
)
