"""Template 2 (คำอธิบายข้อมูล) as data: every GD Catalog metadata field, once.

A `Field` says what a field is (kind, labels, help text, choice list, companion "โปรดระบุ" box);
the per-type sequences below say which fields each data type shows, in the order of the
standard's item numbering (reference §5 = the `Temp2_Meta_*` column order of §6.2).
Forms, validation, completeness and (later) the workbook export/import all read this.
"""
from dataclasses import dataclass

from .types import TYPES


class Kind:
    AUTO = "auto"          # filled by the portal (data type from Template 1, organisation = owning agency)
    TEXT = "text"
    TEXTAREA = "textarea"
    EMAIL = "email"
    TAGS = "tags"
    CHOICE = "choice"
    MULTI = "multi"
    DATE = "date"          # entered and shown in B.E., stored ISO (CE)
    YEAR = "year"          # a B.E. year
    LONGITUDE = "longitude"
    LATITUDE = "latitude"
    URL = "url"
    SOURCE_URL = "source_url"  # Template 3: an http(s) URL on the owning agency's registered domains
    INTERVAL = "interval"  # item 9.2: a whole number of update-frequency units


@dataclass(frozen=True)
class Field:
    name: str
    label_th: str
    label_en: str
    kind: str
    help_th: str = ""
    help_en: str = ""
    required: bool = False
    has_other: bool = False   # has a `<name>_other` "โปรดระบุ" text, required when อื่นๆ is chosen
    max_length: int = 500
    in_workbook: bool = True  # a column of the Temp2 sheet and a DGA-numbered item (False: harvest only)

    @property
    def other_name(self) -> str:
        return f"{self.name}_other"


STAT_SUFFIX = " (สำหรับชุดข้อมูลสถิติ)"
GIS_SUFFIX = " (สำหรับชุดข้อมูลภูมิศาสตร์สารสนเทศ)"

_F = [
    Field("data_type", "ประเภทชุดข้อมูล", "Data type", Kind.AUTO, required=True,
          help_th="มาจากบัญชีรายการข้อมูล (Template 1)", help_en="Comes from the Template 1 item."),
    Field("title", "ชื่อชุดข้อมูล", "Dataset name", Kind.TEXT, required=True,
          help_th="ชื่อที่สื่อความหมายของชุดข้อมูล ไม่ซ้ำกับชุดข้อมูลอื่น",
          help_en="A meaningful name, unique among data sets."),
    Field("owner_org", "องค์กร", "Organization", Kind.AUTO, required=True,
          help_th="หน่วยงานเจ้าของข้อมูล (กรอกให้อัตโนมัติ)", help_en="The owning agency (filled automatically)."),
    Field("allow_harvest", "ยินยอมให้นำชื่อชุดข้อมูลไปใช้ที่ GD-Catalog", "Allow for harvest to GD-Catalog", Kind.CHOICE,
          in_workbook=False,
          help_th="ยินยอมให้ GD-Catalog ระดับประเทศนำชื่อชุดข้อมูลนี้ไปแสดง (ส่งผ่านการเก็บเกี่ยวข้อมูลเท่านั้น: "
                  "โปรแกรมนำเข้าไฟล์ Excel ตั้งค่าเป็น “ไม่ยินยอม” เสมอ)",
          help_en="Let the national GD-Catalog list this data set (carried by harvesting only: the Excel importer "
                  "always sets “No”)."),
    Field("reference_url_catalog", "อ้างอิง URL Catalog", "Reference URL Catalog", Kind.URL, in_workbook=False,
          help_th="URL ชุดข้อมูลของ Catalog ที่อ้างอิง เช่น ชุดข้อมูลเดียวกันบน Catalog ของหน่วยงานส่วนกลาง",
          help_en="The URL of the same data set on the catalog it comes from (e.g. the central agency's)."),
    Field("maintainer", "ชื่อผู้ติดต่อ", "Contact person", Kind.TEXT, required=True,
          help_th="ชื่อบุคคลหรือฝ่ายงานที่ติดต่อเรื่องชุดข้อมูลนี้ได้", help_en="Who to contact about this data set."),
    Field("maintainer_email", "อีเมลผู้ติดต่อ", "Contact e-mail", Kind.EMAIL, required=True, max_length=254,
          help_th="เช่น agri@pattani.go.th", help_en="For example agri@pattani.go.th"),
    Field("tag_string", "คำสำคัญ", "Tags", Kind.TAGS, required=True,
          help_th="คั่นแต่ละคำด้วยจุลภาค (,) เช่น ทุเรียน, เกษตร", help_en="Separate tags with commas."),
    Field("notes", "รายละเอียด", "Description", Kind.TEXTAREA, required=True, max_length=5000,
          help_th="อธิบายว่าชุดข้อมูลนี้คืออะไร ครอบคลุมอะไร", help_en="What the data set is and what it covers."),
    Field("objective", "วัตถุประสงค์", "Objective", Kind.MULTI, required=True, has_other=True,
          help_th="เลือกได้มากกว่า 1 ข้อ", help_en="Choose one or more."),
    Field("update_frequency_unit", "หน่วยความถี่ของการปรับปรุงข้อมูล", "Update frequency unit", Kind.CHOICE,
          required=True, has_other=True, help_th="เช่น ปี เดือน", help_en="For example year, month."),
    Field("update_frequency_interval", "ค่าความถี่ของการปรับปรุงข้อมูล (ความถี่น้อยที่สุด)", "Update frequency interval",
          Kind.INTERVAL, max_length=10,
          help_th="ตัวเลขที่ประกอบกับหน่วยความถี่ เช่น ทุก 1 ปี ใส่ 1 (จำเป็นเมื่อหน่วยเป็นช่วงเวลา)",
          help_en="The number that goes with the unit, e.g. every 1 year → 1 (required for periodic units)."),
    Field("geo_coverage", "ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่", "Geo coverage", Kind.CHOICE, required=True,
          has_other=True, help_th="พื้นที่ที่ข้อมูลครอบคลุม", help_en="The area the data covers."),
    Field("data_source", "แหล่งที่มา", "Data source", Kind.TEXT, required=True,
          help_th="หน่วยงานหรือระบบที่เป็นที่มาของข้อมูล", help_en="The agency or system the data comes from."),
    Field("data_format", "รูปแบบการเก็บข้อมูล", "Data format", Kind.MULTI, required=True, has_other=True,
          help_th="เลือกได้มากกว่า 1 ข้อ", help_en="Choose one or more."),
    Field("data_category", "หมวดหมู่ข้อมูลตามธรรมาภิบาลข้อมูลภาครัฐ", "Data category", Kind.CHOICE, required=True,
          help_th="ข้อมูลสาธารณะเปิดเผยต่อประชาชนได้", help_en="Public data may be opened to everyone."),
    Field("data_classification", "ระดับชั้นข้อมูล", "Data classification", Kind.CHOICE,
          help_th="ชั้นความลับของข้อมูล (GD Catalog 2.2)", help_en="Data classification (GD Catalog 2.2)."),
    Field("license_id", "สัญญาอนุญาตให้ใช้ข้อมูล", "License", Kind.CHOICE, required=True, has_other=True,
          help_th="เงื่อนไขการนำข้อมูลไปใช้", help_en="The terms under which the data may be reused."),
    Field("accessible_condition", "เงื่อนไขในการเข้าถึงข้อมูล", "Accessible condition", Kind.TEXTAREA, max_length=5000,
          help_th="เช่น ไม่มีการจำกัดการเข้าถึงข้อมูล", help_en="For example: no access restriction."),
    Field("created_date", "วันที่เริ่มต้นสร้าง", "Created date", Kind.DATE,
          help_th="วว/ดด/ปปปป พ.ศ. เช่น 31/03/2567", help_en="DD/MM/YYYY in B.E., e.g. 31/03/2567"),
    Field("last_updated_date", "วันที่ปรับปรุงข้อมูลล่าสุด", "Last updated date", Kind.DATE,
          help_th="วว/ดด/ปปปป พ.ศ. เช่น 31/03/2567", help_en="DD/MM/YYYY in B.E., e.g. 31/03/2567"),
    Field("url", "URL", "URL", Kind.URL, help_th="ที่อยู่เว็บที่มีข้อมูลเพิ่มเติม", help_en="A web address with more information."),
    Field("data_support", "ผู้สนับสนุนหรือผู้ร่วมดำเนินการ", "Data support", Kind.CHOICE, has_other=True),
    Field("data_collect", "หน่วยที่ย่อยที่สุดของการจัดเก็บข้อมูล", "Data collect", Kind.CHOICE, has_other=True),
    Field("data_language", "ภาษาที่ใช้", "Data language", Kind.MULTI, has_other=True,
          help_th="เลือกได้มากกว่า 1 ข้อ", help_en="Choose one or more."),
    Field("high_value_dataset", "ชุดข้อมูลที่มีคุณค่าสูง", "High value dataset", Kind.CHOICE),
    Field("reference_data", "ข้อมูลอ้างอิง", "Reference data", Kind.CHOICE),
    Field("first_year_of_data", "ปีข้อมูลที่เริ่มต้นจัดทำ" + STAT_SUFFIX, "First year of data (statistical data)",
          Kind.YEAR, max_length=10, help_th="ปี พ.ศ. เช่น 2560", help_en="A B.E. year, e.g. 2560"),
    Field("last_year_of_data", "ปีข้อมูลล่าสุดที่เผยแพร่" + STAT_SUFFIX, "Last year of data (statistical data)",
          Kind.YEAR, max_length=10, help_th="ปี พ.ศ. ไม่น้อยกว่าปีที่เริ่มต้น", help_en="A B.E. year, not before the first."),
    Field("data_release_calendar", "วันที่กำหนดเผยแพร่ข้อมูล", "Data release calendar", Kind.DATE,
          help_th="วว/ดด/ปปปป พ.ศ.", help_en="DD/MM/YYYY in B.E."),
    Field("disaggregate", "การจัดจำแนก" + STAT_SUFFIX, "Disaggregate (statistical data)", Kind.MULTI, has_other=True,
          help_th="เลือกได้มากกว่า 1 ข้อ", help_en="Choose one or more."),
    Field("unit_of_measure", "หน่วยวัด" + STAT_SUFFIX, "Unit of measure (statistical data)", Kind.TEXT,
          help_th="เช่น ไร่ ราย บาท", help_en="For example rai, persons, baht."),
    Field("unit_of_multiplier", "หน่วยตัวคูณ" + STAT_SUFFIX, "Unit of multiplier (statistical data)", Kind.CHOICE,
          has_other=True),
    Field("calculation_method", "วิธีการคำนวณ" + STAT_SUFFIX, "Calculation method (statistical data)", Kind.TEXTAREA,
          max_length=5000),
    Field("standard", "มาตรฐานการจัดทำข้อมูล" + STAT_SUFFIX, "Standard (statistical data)", Kind.TEXT),
    Field("official_statistics", "สถิติทางการ", "Official statistics", Kind.CHOICE),
    Field("geographic_data_set", "ชุดข้อมูลภูมิศาสตร์" + GIS_SUFFIX, "Geographic dataset (geoinformatics data)",
          Kind.CHOICE),
    Field("equivalent_scale", "มาตราส่วน" + GIS_SUFFIX, "Equivalent scale (geoinformatics data)", Kind.CHOICE,
          has_other=True),
    Field("west_bound_longitude", "ค่าพิกัดกรอบพื้นที่ด้านทิศตะวันตก" + GIS_SUFFIX, "West bound longitude",
          Kind.LONGITUDE, max_length=20, help_th="องศาทศนิยม −180 ถึง 180", help_en="Decimal degrees, −180 to 180"),
    Field("east_bound_longitude", "ค่าพิกัดกรอบพื้นที่ด้านทิศตะวันออก" + GIS_SUFFIX, "East bound longitude",
          Kind.LONGITUDE, max_length=20, help_th="องศาทศนิยม −180 ถึง 180 ไม่น้อยกว่าทิศตะวันตก",
          help_en="Decimal degrees, −180 to 180, not less than west"),
    Field("north_bound_longitude", "ค่าพิกัดกรอบพื้นที่ด้านทิศเหนือ" + GIS_SUFFIX, "North bound latitude",
          Kind.LATITUDE, max_length=20, help_th="องศาทศนิยม −90 ถึง 90 ไม่น้อยกว่าทิศใต้",
          help_en="Decimal degrees, −90 to 90, not less than south"),
    Field("south_bound_longitude", "ค่าพิกัดกรอบพื้นที่ด้านทิศใต้" + GIS_SUFFIX, "South bound latitude",
          Kind.LATITUDE, max_length=20, help_th="องศาทศนิยม −90 ถึง 90", help_en="Decimal degrees, −90 to 90"),
    Field("positional_accuracy", "ความถูกต้องของตำแหน่ง" + GIS_SUFFIX, "Positional accuracy", Kind.TEXT),
    Field("reference_period", "เวลาอ้างอิง" + GIS_SUFFIX, "Reference period", Kind.TEXT),
    Field("data_release_date", "วันที่เผยแพร่ข้อมูล" + GIS_SUFFIX, "Data release date", Kind.DATE,
          help_th="วว/ดด/ปปปป พ.ศ.", help_en="DD/MM/YYYY in B.E."),
]

FIELDS: dict[str, Field] = {field.name: field for field in _F}

#: Items 1–14, the same for every type (9 = 9.1 unit + 9.2 interval). v2.2 inserts data_classification;
#: allow_harvest and reference_url_catalog are not numbered (harvest only: not workbook columns).
COMMON = ("data_type", "title", "owner_org", "allow_harvest", "reference_url_catalog", "maintainer",
          "maintainer_email", "tag_string", "notes", "objective", "update_frequency_unit", "update_frequency_interval",
          "geo_coverage", "data_source", "data_format", "data_category", "license_id")

#: Items 15+ per data type, in the standard's order (declared with the type in types.py).
TAILS = {data_type: spec.tail for data_type, spec in TYPES.items()}
