"""What the batch writes of Template 2 and Template 3 share.

A batch write takes many rows, checks each with the same rules as a single write, and either
writes them all (a constant number of queries) or raises `RowErrors` with each refused row's own
error and writes nothing. The single-record services are batches of one (`only_row`).
"""
import sqlite3
import weakref

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections, router
from simple_history.utils import bulk_create_with_history, get_history_manager_for_model

#: Rows per INSERT / UPDATE statement: keeps each statement, and its parameters on SQLite, bounded.
BATCH_SIZE = 500


class RowErrors(Exception):
    """Some rows of a batch were refused and nothing was written.

    `errors` maps a row's index in the batch to the error a single write of that row raises
    (a `ValidationError` with codes, a `ConflictError`, or `PermissionDenied`), in row order.
    """

    def __init__(self, errors: dict[int, ValidationError | PermissionDenied]):
        super().__init__(f"{len(errors)} row(s) refused; nothing was written")
        self.errors = dict(sorted(errors.items()))


def only_row(write):
    """Run a batch `write()` of one row: its saved object, or that row's own error raised as it is."""
    try:
        [saved] = write()
    except RowErrors as exc:
        raise exc.errors[0] from None
    return saved


class Cleaned:
    """Input and what a service's own cleaning made of it (`metadata_clean`, `resource_clean`).

    A caller that cleaned values to preview them passes this to the write instead of the raw
    values: the write takes `values` and `errors` as they are only if this object came from that
    cleaning, under the same rules (`key`: the schema, and for Template 3 the agency's domains as
    read under the write's lock), and was not changed since; else it cleans `raw` again.
    """

    __slots__ = ("raw", "values", "errors", "_key", "_snapshot", "__weakref__")

    def __init__(self, raw: dict, values: dict, errors: dict, key):
        self.raw, self.values, self.errors, self._key = raw, values, errors, key
        self._snapshot = _copy(values), {name: list(found) for name, found in errors.items()}

    def trusted(self, key) -> bool:
        return self in _ISSUED and self._key == key and (self.values, self.errors) == self._snapshot


_ISSUED = weakref.WeakSet()  # the Cleaned objects the services' cleaning made (and no one else)


def sealed(raw: dict, cleaned: tuple[dict, dict], key) -> Cleaned:
    """For the services' cleaning functions only: their result, which their writes may take as it is."""
    result = Cleaned(raw, *cleaned, key)
    _ISSUED.add(result)
    return result


def reuse_or_clean(values, key, clean) -> tuple[dict, dict]:
    """(values, errors) of a trusted `Cleaned`, else `clean(raw input)`."""
    if isinstance(values, Cleaned):
        if values.trusted(key):
            return values.values, values.errors
        values = values.raw
    return clean(values)


def _copy(values: dict) -> dict:
    return {name: list(value) if isinstance(value, list) else value for name, value in values.items()}


def check_fields(instance, fields) -> None:
    """The model's own field rules (max_length, choices, validators) on the fields a write sets.

    Stands in for `full_clean()`: uniqueness and check constraints are enforced by the database,
    and the rules across fields and rows are the services' (no query here).
    """
    checked = {name for name in fields if not instance._meta.get_field(name).is_relation}  # a relation: a query
    instance.clean_fields(exclude={field.name for field in instance._meta.concrete_fields} - checked)


def write_with_history(objs: list, model, fields: tuple, *, date) -> None:
    """Insert the new objects and update the others' `fields`, each with one history row (its
    `_history_user` and `_change_reason`, dated `date`), a statement per `BATCH_SIZE` rows."""
    new = [obj for obj in objs if obj.pk is None]
    old = [obj for obj in objs if obj.pk is not None]
    if new:
        bulk_create_with_history(new, model, batch_size=BATCH_SIZE, default_date=date)
    if old:
        _update(old, model, fields)
        get_history_manager_for_model(model).bulk_history_create(
            old, batch_size=BATCH_SIZE, update=True, default_date=date)


def _update(objs: list, model, fields: tuple) -> None:
    """`bulk_update` as `UPDATE … FROM (VALUES …)`: Django's bulk_update builds a CASE WHEN per row and
    field, ~0.2 ms of Python each (seconds for an import of 2,000 rows); the values are the same."""
    connection = connections[router.db_for_write(model)]
    if connection.vendor == "sqlite" and sqlite3.sqlite_version_info < (3, 33):  # no UPDATE … FROM
        model._default_manager.bulk_update(objs, fields, batch_size=BATCH_SIZE)
        return
    meta, quote = model._meta, connection.ops.quote_name
    columns = [meta.get_field(name) for name in fields]

    def value(index, field):  # VALUES columns are named column1, column2, … (PostgreSQL and SQLite)
        if connection.vendor == "postgresql":
            return f"CAST(v.column{index} AS {field.db_type(connection)})"
        return f"v.column{index}"

    assignments = ", ".join(f"{quote(field.column)} = {value(i, field)}" for i, field in enumerate(columns, 2))
    table, key = quote(meta.db_table), quote(meta.pk.column)
    row = "(" + ", ".join(["%s"] * (len(columns) + 1)) + ")"
    for start in range(0, len(objs), BATCH_SIZE):
        chunk = objs[start:start + BATCH_SIZE]
        params = [param for obj in chunk for param in (
            obj.pk, *(field.get_db_prep_save(getattr(obj, field.attname), connection) for field in columns))]
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET {assignments} FROM (VALUES {', '.join([row] * len(chunk))}) AS v "
                           f"WHERE {table}.{key} = v.column1", params)
