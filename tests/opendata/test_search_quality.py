"""A labelled set of Thai queries: the portal's segmented search against GD Catalog's `*term*` wildcard.

The wildcard finds a data set when the query, as typed, is a substring of its title, description or
keywords: a query typed without spaces misses words written apart, and a short word matches inside
longer ones (ยา in ยางพารา, ตา in ปัตตานี). Precision and recall of both are printed.
"""
import pytest

from opendata.selectors import dataset_search
from opendata.services import published_refresh

pytestmark = pytest.mark.django_db

CORPUS = {  # key: (title, description, keywords)
    "pop": ("จำนวนประชากร จังหวัดปัตตานี", "ประชากรจำแนกตามอำเภอ เพศ และอายุ", "ประชากร"),
    "density": ("ความหนาแน่นของประชากร", "ประชากรต่อตารางกิโลเมตร รายอำเภอ", "ประชากร"),
    "rubber": ("พื้นที่ปลูกยางพารา", "พื้นที่ปลูกยางพาราและผลผลิตรายอำเภอ", "เกษตร"),
    "rice": ("ผลผลิตข้าวนาปี", "ผลผลิตข้าวต่อไร่ ของจังหวัดปัตตานี", "เกษตร"),
    "corn": ("พื้นที่ปลูกข้าวโพดเลี้ยงสัตว์", "ข้าวโพดเลี้ยงสัตว์รายตำบล", "เกษตร"),
    "hospital": ("จำนวนโรงพยาบาลและสถานพยาบาล", "สถานบริการสาธารณสุขในจังหวัด", "สาธารณสุข"),
    "drugs": ("การใช้ยาในโรงพยาบาลชุมชน", "ปริมาณการใช้ยาจำแนกตามกลุ่มยา", "สาธารณสุข"),
    "fish": ("ปริมาณการจับสัตว์น้ำ", "ปลาและสัตว์น้ำที่ขึ้นท่าเทียบเรือ", "ประมง"),
    "eyes": ("ผู้ป่วยโรคตา", "จำนวนผู้ป่วยโรคตาต้อกระจก", "สาธารณสุข"),
    "school": ("สถานศึกษาในจังหวัด", "จำนวนโรงเรียนและนักเรียน", "การศึกษา"),
    "price": ("ราคายางพาราประจำวัน", "ราคายางแผ่นดิบ", "เกษตร"),
    "tourism": ("นักท่องเที่ยวในจังหวัดปัตตานี", "จำนวนนักท่องเที่ยวและรายได้จากการท่องเที่ยว", "ท่องเที่ยว"),
}
QUERIES = {  # query as a citizen types it: the data sets that answer it
    "ประชากรปัตตานี": {"pop"},
    "ยา": {"drugs"},
    "ข้าว": {"rice"},
    "ตา": {"eyes"},
    "ยางพารา": {"rubber", "price"},
    "ท่องเที่ยวปัตตานี": {"tourism"},
    "โรงพยาบาล": {"hospital", "drugs"},
    "ประชากรรายอำเภอ": {"pop", "density"},
    "ผลผลิตข้าว": {"rice"},
}


def wildcard(query: str) -> set:
    """GD Catalog's search: `*query*` over the text, no segmentation."""
    return {key for key, texts in CORPUS.items() if any(query.lower() in text.lower() for text in texts)}


def scores(found: dict) -> tuple[float, float]:
    hits = sum(len(found[q] & relevant) for q, relevant in QUERIES.items())
    returned = sum(len(found[q]) for q in QUERIES)
    wanted = sum(len(relevant) for relevant in QUERIES.values())
    return (hits / returned if returned else 0.0), hits / wanted


def test_segmented_search_beats_the_wildcard(catalog):
    names = {}
    for key, (title, notes, keywords) in CORPUS.items():
        names[catalog.approved(title=title, notes=notes, tag_string=keywords, resources=0).approved_dataset_name] = key
    published_refresh()
    ours = {q: {names[row.name] for row in dataset_search(q=q, rows=100).results} for q in QUERIES}
    theirs = {q: wildcard(q) for q in QUERIES}
    for q in QUERIES:
        print(f"{q:<20} relevant {sorted(QUERIES[q])} portal {sorted(ours[q])} wildcard {sorted(theirs[q])}")
    (p_ours, r_ours), (p_wild, r_wild) = scores(ours), scores(theirs)
    print(f"portal:   precision {p_ours:.2f} recall {r_ours:.2f}\nwildcard: precision {p_wild:.2f} recall {r_wild:.2f}")
    assert p_ours > p_wild and r_ours > r_wild
    assert (p_ours, r_ours) >= (0.9, 0.9)
