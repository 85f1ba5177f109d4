"""One number that changes whenever data that counts are made of changes (see `catalog.data_version`)."""
from django.db import models


class DataVersion(models.Model):
    """A single row. Database triggers (migration `0004_i15_data_version`) set `version` to a new random
    value on every insert, update or delete in the tables listed there, in the writing transaction."""

    version = models.BigIntegerField(default=0)

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return str(self.version)
