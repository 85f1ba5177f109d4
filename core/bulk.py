"""Many new rows of one model in one go: PostgreSQL's COPY, or `bulk_create` elsewhere.

    bulk_insert(TableRow, ["version_id", "line", ...], rows)   # rows: tuples of values, in that order

COPY is about seven times faster than multi-row INSERTs for tens of thousands of rows. It bypasses
`save()` and signals (as `bulk_create` does); the database still checks every constraint.
"""
import io
import json
from collections.abc import Iterable, Sequence

from django.db import connection, models

BATCH_SIZE = 1000


def bulk_insert(model, fields: Sequence[str], rows: Iterable[tuple]) -> int:
    """Insert `rows` (tuples of values for `fields`, attribute names) as new rows of `model`; how many."""
    if connection.vendor == "postgresql":
        return _copy(model, fields, rows)
    objects = [model(**dict(zip(fields, row))) for row in rows]
    model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
    return len(objects)


def _copy(model, fields: Sequence[str], rows: Iterable[tuple]) -> int:
    given = [model._meta.get_field(name.removesuffix("_id") if name.endswith("_id") else name) for name in fields]
    # The model's defaults for the fields not given, as bulk_create would fill them in.
    others = [field for field in model._meta.concrete_fields
              if field not in given and not isinstance(field, models.AutoField)]
    defaults = [field.get_db_prep_value(field.get_default(), connection) if field.get_internal_type() != "JSONField"
                else field.get_default() for field in others]
    json_columns = [column.get_internal_type() == "JSONField" for column in given + others]
    buffer = io.StringIO()
    count = 0
    for row in rows:
        buffer.write(",".join(_field(value, is_json) for value, is_json in zip((*row, *defaults), json_columns)))
        buffer.write("\n")
        count += 1
    buffer.seek(0)
    quote = connection.ops.quote_name
    sql = (f"COPY {quote(model._meta.db_table)} ({', '.join(quote(column.column) for column in given + others)}) "
           "FROM STDIN WITH (FORMAT csv)")
    with connection.cursor() as cursor, connection.wrap_database_errors:
        cursor.copy_expert(sql, buffer)
    return count


def _field(value, is_json: bool) -> str:
    """One CSV field as COPY reads it: NULL unquoted and empty, any value quoted (so "" is an empty string)."""
    if value is None:
        return ""
    text = json.dumps(value, ensure_ascii=False) if is_json else str(value)
    return '"' + text.replace('"', '""') + '"'
