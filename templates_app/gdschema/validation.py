"""Parse and check Template 2 values against the schema: the one place these rules live.

`clean_values` takes raw input (strings as typed, lists for multi-selects, dates as B.E. text
or `datetime.date`) and returns the values to store (ISO dates, lists, trimmed strings) and a
dict of field name → [ValidationError], each with a code. With `complete=True` the required
items must be present too (submission); without it only what is filled is checked (a draft).
"""
import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext_lazy as _

from catalog.thaidates import THAI_DIGITS, parse_be_date

from catalog.models import DataType

from . import AUTO_FIELDS, OTHER, PERIODIC_UNITS, Kind, Schema

TAG_RE = re.compile(r"^[ก-๙\w \-.]+$")
TAG_MIN, TAG_MAX = 2, 100  # CKAN refuses a tag outside these lengths, and with it the whole data set
HTML_RE = re.compile(r"<\s*[a-zA-Z!/?]")
BE_YEAR_MIN, BE_YEAR_MAX = 2400, 2700

MESSAGES = {
    "required": _("This item is required."),
    "required_other": _("You chose “อื่นๆ”: please specify."),
    "required_interval": _("Give the number of units (e.g. 1 for every year)."),
    "max_length": _("Use at most %(limit)d characters (you typed %(length)d)."),
    "html": _("Do not use HTML tags (< >) in this text."),
    "invalid_choice": _("“%(value)s” is not one of the choices of the standard."),
    "invalid_email": _("Enter a valid e-mail address."),
    "invalid_url": _("Enter a valid web address starting with http:// or https://."),
    "invalid_tag": _("Tag “%(value)s” may only contain Thai or English letters, digits, spaces, - and ."),
    "tag_length": _("Tag “%(value)s” has %(length)d characters: GD Catalog (CKAN) takes tags of 2–100 characters "
                    "and refuses the whole data set otherwise."),
    "one_value": _("Choose one value: GD Catalog's Excel importer takes one value per cell and turns several "
                   "into “อื่นๆ” (other)."),
    "answer_yes_no": _("Answer yes or no: GD Catalog's Excel importer reads an empty answer as “ใช่” (yes)."),
    "invalid_date": _("Enter a B.E. date such as 31/03/2567 or 2567-03-31."),
    "invalid_year": _("Enter a B.E. year such as 2566."),
    "year_order": _("The first year of data cannot be after the last year."),
    "invalid_interval": _("Enter a whole number from 1 to 999."),
    "invalid_longitude": _("Enter a longitude between −180 and 180."),
    "invalid_latitude": _("Enter a latitude between −90 and 90."),
    "bbox_west_east": _("The west bound cannot be east of the east bound."),
    "bbox_south_north": _("The south bound cannot be north of the north bound."),
    "classification_category": _("Data of category “%(category)s” cannot be classified “%(value)s”."),
}

#: GD Catalog 2.2: the data category limits the classification (reference §2 point 10).
CLASSIFICATIONS_BY_CATEGORY = {
    "ข้อมูลสาธารณะ": {"เปิดเผย"},
    "ข้อมูลใช้ภายใน": {"ชั้นเผยแพร่ภายในองค์กร"},
    "ข้อมูลส่วนบุคคล": {"ชั้นเผยแพร่ภายในองค์กร", "ลับ", "ลับมาก"},
}
SECRET_CLASSIFICATIONS = {"ลับ", "ลับมาก", "ลับที่สุด"}


def error(code: str, **params) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code, params=params or None)


def is_empty(value) -> bool:
    return value is None or value == "" or value == [] or (isinstance(value, str) and not value.strip())


def clean_values(raw: dict, *, schema: Schema, complete: bool) -> tuple[dict, dict]:
    values, errors = {}, {}
    for entry in schema.entries:
        if entry.name in AUTO_FIELDS:
            continue
        value = raw.get(entry.name)
        try:
            cleaned = _clean_one(entry, value)
        except ValidationError as exc:
            errors.setdefault(entry.name, []).append(exc)
            continue
        if not is_empty(cleaned):
            values[entry.name] = cleaned
        elif complete and entry.required:
            errors.setdefault(entry.name, []).append(error("required"))
        elif complete and entry.answer_needed:
            errors.setdefault(entry.name, []).append(error("answer_yes_no"))
        if entry.field.has_other:
            _clean_other(entry, cleaned, raw.get(entry.field.other_name), values, errors)
    if "data_type_other" in raw and schema.data_type == DataType.OTHER:
        text = _text(raw.get("data_type_other"), 500, errors, "data_type_other")
        if text:
            values["data_type_other"] = text
    _check_cross_fields(values, errors, complete)
    return values, errors


def _clean_other(entry, cleaned, other_raw, values, errors) -> None:
    chosen = OTHER in cleaned if isinstance(cleaned, list) else cleaned == OTHER
    name = entry.field.other_name
    if not chosen:
        return
    try:
        text = _clean_text(other_raw, 500)
    except ValidationError as exc:
        errors.setdefault(name, []).append(exc)
        return
    if text:
        values[name] = text
    else:
        errors.setdefault(name, []).append(error("required_other"))


def _text(raw, limit, errors, name):
    try:
        return _clean_text(raw, limit)
    except ValidationError as exc:
        errors.setdefault(name, []).append(exc)
        return ""


def _clean_text(value, limit: int) -> str:
    text = "" if value is None else str(value).strip()
    if len(text) > limit:
        raise error("max_length", limit=limit, length=len(text))
    if HTML_RE.search(text):
        raise error("html")
    return text


def _clean_one(entry, value):
    kind, field = entry.kind, entry.field
    if kind == Kind.MULTI:
        items = [value] if isinstance(value, str) else list(value or [])
        items = [str(item).strip() for item in items if str(item).strip()]
        for item in items:
            if item not in entry.choice_values:
                raise error("invalid_choice", value=item[:80])
        if entry.single and len(set(items)) > 1:
            raise error("one_value")
        order = [choice for choice, _label in entry.choices]
        return sorted(set(items), key=order.index)
    if isinstance(value, dt.date) and kind == Kind.DATE:
        return value.isoformat()
    text = _clean_text(value, field.max_length)
    if not text:
        return ""
    return _CLEANERS.get(kind, lambda entry, text: text)(entry, text)


def _choice(entry, text):
    if text not in entry.choice_values:
        raise error("invalid_choice", value=text[:80])
    return text


def _email(entry, text):
    try:
        EmailValidator()(text)
    except ValidationError:
        raise error("invalid_email") from None
    return text


def _url(entry, text):
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        raise error("invalid_url") from None
    return text


def _tags(entry, text):
    tags = [tag.strip() for tag in text.split(",") if tag.strip()]
    for tag in tags:
        if not TAG_RE.match(tag):
            raise error("invalid_tag", value=tag[:80])
        if not TAG_MIN <= len(tag) <= TAG_MAX:
            raise error("tag_length", value=tag[:80], length=len(tag))
    return ",".join(dict.fromkeys(tags))


def _date(entry, text):
    try:
        return parse_be_date(text).isoformat()
    except ValueError:
        raise error("invalid_date") from None


def _year(entry, text):
    digits = text.translate(THAI_DIGITS)
    if not digits.isdigit() or not BE_YEAR_MIN <= int(digits) <= BE_YEAR_MAX:
        raise error("invalid_year")
    return digits


def _interval(entry, text):
    digits = text.translate(THAI_DIGITS)
    if not digits.isdigit() or not 1 <= int(digits) <= 999:
        raise error("invalid_interval")
    return str(int(digits))


def _coordinate(limit: int, code: str):
    def clean(entry, text):
        try:
            number = Decimal(text.translate(THAI_DIGITS).replace("−", "-"))
        except InvalidOperation:
            raise error(code) from None
        if not number.is_finite() or not -limit <= number <= limit:
            raise error(code)
        return str(number)
    return clean


_CLEANERS = {
    Kind.CHOICE: _choice, Kind.EMAIL: _email, Kind.URL: _url, Kind.TAGS: _tags, Kind.DATE: _date, Kind.YEAR: _year,
    Kind.INTERVAL: _interval, Kind.LONGITUDE: _coordinate(180, "invalid_longitude"),
    Kind.LATITUDE: _coordinate(90, "invalid_latitude"),
}


def _check_cross_fields(values: dict, errors: dict, complete: bool) -> None:
    unit = values.get("update_frequency_unit")
    if complete and unit in PERIODIC_UNITS and not values.get("update_frequency_interval") \
            and "update_frequency_interval" not in errors:
        errors["update_frequency_interval"] = [error("required_interval")]
    category, classification = values.get("data_category"), values.get("data_classification")
    if category and classification and classification not in CLASSIFICATIONS_BY_CATEGORY.get(
            category, SECRET_CLASSIFICATIONS):
        errors.setdefault("data_classification", []).append(
            error("classification_category", category=category, value=classification))
    pairs = [("first_year_of_data", "last_year_of_data", "year_order", int),
             ("resource_first_year_of_data", "resource_last_year_of_data", "year_order", int),
             ("west_bound_longitude", "east_bound_longitude", "bbox_west_east", Decimal),
             ("south_bound_longitude", "north_bound_longitude", "bbox_south_north", Decimal)]
    for low, high, code, number in pairs:
        if low in values and high in values and number(values[low]) > number(values[high]):
            errors.setdefault(low, []).append(error(code))


def clean_resource_values(raw: dict, *, schema: Schema, domains) -> tuple[dict, dict]:
    """Template 3: `clean_values` with every item required, plus the domain rule on the source URL.

    The URL must be an absolute http(s) URL without credentials on one of the owning agency's
    registered `domains` (or a subdomain of one): `linkcheck.check.validate_source_url`.
    """
    from linkcheck.check import validate_source_url

    values, errors = clean_values(raw, schema=schema, complete=True)
    for entry in schema.entries:
        if entry.kind != Kind.SOURCE_URL or entry.name in errors:
            continue
        try:
            values[entry.name] = validate_source_url(str(raw.get(entry.name) or ""), domains=list(domains))
        except ValidationError as exc:
            values.pop(entry.name, None)
            errors[entry.name] = [exc]
    return values, errors


def completeness(values: dict, *, schema: Schema) -> tuple[int, int]:
    """(required items done, required items) — 9 counts once, done when 9.1 (and 9.2 if periodic) are."""
    required = schema.required_items
    done = 0
    for number in required:
        entries = [e for e in schema.entries if e.number.split(".")[0] == number]
        if all(_entry_done(e, values) for e in entries):
            done += 1
    return done, len(required)


def _entry_done(entry, values: dict) -> bool:
    if entry.name in AUTO_FIELDS:
        return True
    if entry.name == "update_frequency_interval":
        return values.get("update_frequency_unit") not in PERIODIC_UNITS or bool(values.get(entry.name))
    value = values.get(entry.name)
    if is_empty(value):
        return False
    if entry.field.has_other and (value == OTHER or (isinstance(value, list) and OTHER in value)):
        return bool(values.get(entry.field.other_name))
    return True


def record_summary(values: dict, *, data_type: str) -> dict:
    """The denormalised columns of a Template 2 record: required_done, is_complete, is_public_category.

    Stored values were validated when saved (a draft checks what is filled), so the record is
    complete when every required item is done.
    """
    from . import PUBLIC_CATEGORY, get_schema

    done, required = completeness(values, schema=get_schema(data_type))
    return {"required_done": done, "is_complete": done == required,
            "is_public_category": values.get("data_category") == PUBLIC_CATEGORY}
