"""The GD Catalog choice lists, copied verbatim from ckanext-thai_gdc `ckan_dataset.json`.

Stored values are the standard's strings byte for byte (reference §4; v2.2.4 changes §2.2).
A list is a tuple of (value, label); the label differs from the value only where the standard says so.
"""
OTHER = "อื่นๆ"


def _plain(*values: str) -> tuple[tuple[str, str], ...]:
    return tuple((value, value) for value in values)


YES_NO = (("False", "ไม่ใช่ / No"), ("True", "ใช่ / Yes"))
ALLOW_HARVEST = (("False", "ไม่ยินยอม / No"), ("True", "ยินยอม / Yes"))

V21 = {
    "objective": _plain(
        "ยุทธศาสตร์ชาติ", "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ", "แผนความมั่นคงแห่งชาติ", "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ",
        "แผนปฏิรูปประเทศ", "แผนระดับที่ 3 (มติครม. 4 ธ.ค. 2560)", "นโยบายรัฐบาล/ข้อสั่งการนายกรัฐมนตรี", "มติคณะรัฐมนตรี",
        "เพื่อการให้บริการประชาชน", "กฎหมายที่เกี่ยวข้อง", "พันธกิจหน่วยงาน", "ดัชนี/ตัวชี้วัดระดับนานาชาติ", "ไม่ทราบ", OTHER),
    "update_frequency_unit": _plain(
        "ไม่ทราบ", "ปี", "ครึ่งปี", "ไตรมาส", "เดือน", "สัปดาห์", "วัน", "วันทำการ", "ชั่วโมง", "นาที", "ตามเวลาจริง",
        "ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล", OTHER),
    "geo_coverage": _plain(
        "ไม่มี", "โลก", "ทวีป/กลุ่มประเทศในทวีป", "กลุ่มประเทศทางเศรษฐกิจ", "ประเทศ", "ภาค", "จังหวัด", "อำเภอ", "ตำบล",
        "หมู่บ้าน", "เทศบาล/อบต.", "พิกัด", "ไม่ทราบ", OTHER),
    "data_format": (*_plain("Database", "CSV", "XML", "Image", "Video", "Audio", "Text", "JSON", "HTML", "DOC/DOCX"),
                    ("XLS", "XLS/XLSX"),
                    *_plain("PDF", "RDF", "NoSQL", "Arc/Info Coverage", "Shapefile", "GeoTiff", "GML", "ไม่ทราบ", OTHER)),
    "data_category": _plain("ข้อมูลสาธารณะ", "ข้อมูลส่วนบุคคล", "ข้อมูลความมั่นคง", "ข้อมูลความลับทางราชการ"),
    "license_id": _plain(
        "License not specified", "Creative Commons Attributions", "Creative Commons Attribution Share-Alike",
        "Creative Commons Non-Commercial (Any)", "Open Data Common", "GNU Free Documentation License", OTHER),
    "data_support": _plain(
        "ไม่มี", "หน่วยงานของรัฐ", "หน่วยงานเอกชน", "หน่วยงาน/องค์กรระหว่างประเทศ", "มูลนิธิ/สมาคม", "สถาบันการศึกษา", OTHER),
    "data_collect": _plain(
        "ไม่มี", "บุคคล", "ครัวเรือน/ครอบครัว", "บ้าน/ที่อยู่อาศัย", "บริษัท/ห้างร้าน/สถานประกอบการ", "อาคาร/สิ่งปลูกสร้าง",
        "พื้นที่การเกษตร ประมง ป่าไม้", "สัตว์และพันธุ์พืช", "ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่", "แหล่งน้ำ เช่น แม่น้ำ อ่างเก็บน้ำ",
        "เส้นทางการเดินทาง เช่น ถนน ทางรถไฟ", "ไม่ทราบ", OTHER),
    "data_language": _plain(
        "ไทย", "อังกฤษ", "จีน", "มลายู", "พม่า", "ลาว", "เขมร", "ญี่ปุ่น", "เกาหลี", "ฝรั่งเศส", "เยอรมัน", "อารบิก", "ไม่ทราบ",
        OTHER),
    "disaggregate": _plain(
        "ไม่มี", "เพศ", "อายุ/กลุ่มอายุ", "สถานภาพสมรส", "ศาสนา", "ระดับการศึกษา", "อาชีพ", "สถานภาพการทำงาน",
        "อุตสาหกรรม/ประเภทกิจการ", "รายได้", "ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่", "ผลิตภัณฑ์", "ไม่ทราบ", OTHER),
    "unit_of_multiplier": _plain(
        "หน่วย", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน", "ล้าน", "สิบล้าน", "ร้อยล้าน", "พันล้าน", "หมื่นล้าน", "แสนล้าน",
        "ล้านล้าน", "ไม่ทราบ", OTHER),
    "geographic_data_set": _plain(
        "ชั้นข้อมูลแปลงที่ดิน", "ชั้นข้อมูลขอบเขตการปกครอง", "ชั้นข้อมูลเส้นทางคมนาคม", "ชั้นข้อมูลชุมนุม/อาคาร",
        "ชั้นข้อมูลป่าไม้", "ชั้นข้อมูลการใช้ประโยชน์ที่ดิน", "ชั้นข้อมูลแหล่งน้ำ", "ชั้นข้อมูลอุทกศาสตร์",
        "ชั้นข้อมูลหมุดหลักฐานแผนที่", "ชั้นข้อมูลความสูงภูมิประเทศเชิงตัวเลข", "ชั้นข้อมูลภาพแผนที่ภูมิประเทศ",
        "ชั้นข้อมูลแผนที่ภาพถ่ายทางอากาศ", "ชั้นข้อมูลภาพวาดดาวเทียมดัดแก้"),
    "equivalent_scale": _plain("1:4,000", "1:10,000", "1:25,000", "1:50,000", "1:250,000", OTHER),
    "allow_harvest": ALLOW_HARVEST,
    "high_value_dataset": YES_NO,
    "reference_data": YES_NO,
    "official_statistics": YES_NO,
}

V22 = {
    **V21,
    "data_category": _plain("ข้อมูลสาธารณะ", "ข้อมูลใช้ภายใน", "ข้อมูลส่วนบุคคล", "ข้อมูลความมั่นคง", "ข้อมูลความลับทางราชการ"),
    "data_classification": _plain("เปิดเผย", "ชั้นเผยแพร่ภายในองค์กร", "ลับ", "ลับมาก", "ลับที่สุด"),
    "license_id": _plain(
        "Open Data Common", "Creative Commons Attributions", "Creative Commons Attribution Non-Commercial",
        "Creative Commons Attribution Share-Alike", "Creative Commons Attribution Non-Commercial Share-Alike",
        "Creative Commons Attribution Non-Commercial No-Derivs", "Creative Commons Attribution No-Derivs", OTHER),
}

CHOICES = {"2.1": V21, "2.2": V22}

#: Units of item 9.1 that need a number in item 9.2 ("every 3 months").
PERIODIC_UNITS = frozenset({"ปี", "ครึ่งปี", "ไตรมาส", "เดือน", "สัปดาห์", "วัน", "วันทำการ", "ชั่วโมง", "นาที"})

PUBLIC_CATEGORY = "ข้อมูลสาธารณะ"
