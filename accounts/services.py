"""Writes to users."""
from django.db import transaction

from accounts.models import User


@transaction.atomic
def user_upsert(*, username: str, password: str, role: str, agency=None, **extra) -> User:
    """Create the user or bring it to exactly this role, agency and password (idempotent)."""
    user = User.objects.filter(username=username).first() or User(username=username)
    user.role, user.agency = role, agency
    user.is_staff = role == User.Role.ADMIN
    user.is_superuser = role == User.Role.ADMIN
    for field, value in extra.items():
        setattr(user, field, value)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user
