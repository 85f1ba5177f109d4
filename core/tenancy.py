"""Which province a request, a command or a task works in, and the managers that keep to it.

    class Item(models.Model):
        objects = ProvinceScopedManager.on("issue__province")   # the lookup path to the Province

    with province_scope(province):   # a command or task: only that province's rows
        Item.objects.count()
    with all_provinces():            # the national board: every province's rows
        ...

`core.middleware.ProvinceMiddleware` sets the request's province (from its host name) for the whole
request. The filter is decided when the SQL is compiled, not when the queryset is built, so a
queryset made at import time (a form field's `queryset=Agency.objects.all()`) keeps to the province
of the request that evaluates it. With no province set (tests, migrations, `all_provinces()`) nothing
is filtered.
"""
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models

_current: ContextVar = ContextVar("current_province", default=None)


def current_province():
    """The Province this code works in, or None (every province)."""
    return _current.get()


@contextmanager
def province_scope(province):
    """Run the block in `province` (None: every province)."""
    token = _current.set(province)
    try:
        yield province
    finally:
        _current.reset(token)


def work_in_province_named(slug: str) -> None:
    """From now on (in this process's main context) work in the province `slug`, looked up when first used:
    how a management command is run for one province (`PORTAL_PROVINCE=yala python manage.py kpi_status`)."""
    from django.utils.functional import SimpleLazyObject

    def lookup():
        from catalog.models import Province

        return Province.all_objects.get(slug=slug)

    _current.set(SimpleLazyObject(lookup))


def all_provinces():
    """Run the block across every province (the national board, system tasks)."""
    return province_scope(None)


class InCurrentProvince(models.Expression):
    """`<path> = the current province`, or always true when no province is set."""

    conditional = True
    output_field = models.BooleanField()

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        self.column = None

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        clone = self.copy()
        # Once resolved (its column found), a subquery re-resolving its WHERE must keep that column.
        column = self.column if self.column is not None else models.F(self.path)
        clone.column = column.resolve_expression(query, allow_joins, reuse, summarize)
        return clone

    def get_source_expressions(self):
        return [self.column] if self.column is not None else []

    def set_source_expressions(self, exprs):
        if exprs:
            (self.column,) = exprs

    def as_sql(self, compiler, connection):
        province = current_province()
        if province is None:
            return "1 = 1", []
        sql, params = compiler.compile(self.column)
        return f"{sql} = %s", [*params, province.pk]


class ProvinceScopedManager(models.Manager):
    """Default manager of a model that belongs to a province: only the current province's rows.

    `path` is the lookup from the model to its Province ("province", "issue__province", "pk" for
    Province itself); `shared` (a Q), when given, adds rows every province sees.
    """

    path = "province"
    shared = None

    @classmethod
    def on(cls, path: str, shared: models.Q | None = None) -> "ProvinceScopedManager":
        # A class per path: Django builds related managers by subclassing the default manager's class
        # and calling it without arguments, so the path must live on the class.
        scoped = type(f"{cls.__name__}_{path}", (cls,), {"path": path, "shared": shared,
                                                         "__module__": cls.__module__})
        return scoped()

    def get_queryset(self):
        condition = models.Q(InCurrentProvince(self.path))
        if self.shared is not None:
            condition |= self.shared
        return super().get_queryset().filter(condition)


class ProvinceOfField(models.ForeignKey):
    """A copy of the province of the row's `source` (a foreign key to a row that has one), so a uniqueness
    rule can be per province. Filled on insert, by `save()` and by `bulk_create()` alike: from the source's
    loaded relation if there is one, else from the province being worked in, else with one query."""

    def __init__(self, *args, source: str = "", **kwargs):
        self.source = source
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        if getattr(model_instance, self.attname) is None:
            setattr(model_instance, self.attname, self.province_id_of(model_instance))
        return super().pre_save(model_instance, add)

    def province_id_of(self, instance):
        related = getattr(instance, self.source)
        path = type(related)._default_manager.path.split("__")
        node = related
        for step in path[:-1]:  # follow what is already loaded: issue → province_id
            if not type(node)._meta.get_field(step).is_cached(node):
                break
            node = getattr(node, step)
        else:
            return getattr(node, f"{path[-1]}_id")
        province = current_province()
        if province is not None:
            return province.pk
        return type(related)._base_manager.filter(pk=related.pk).values_list(
            "__".join(path), flat=True).get()
