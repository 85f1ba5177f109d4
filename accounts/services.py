"""Writes to users."""
from django.db import transaction

from accounts.audit import audit_role_change, role_state
from accounts.models import User


@transaction.atomic
def user_upsert(*, username: str, password: str, role: str, agency=None, by=None, **extra) -> User:
    """Create the user or bring it to exactly this role, agency and password (idempotent).

    A new user, or a change of role, agency or admin flags, goes to the audit log.
    """
    user = User.objects.filter(username=username).first() or User(username=username)
    before = role_state(user) if user.pk else None
    user.role, user.agency = role, agency
    user.is_staff = role == User.Role.ADMIN
    user.is_superuser = role == User.Role.ADMIN
    for field, value in extra.items():
        setattr(user, field, value)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    audit_role_change(user=user, before=before, actor=by)
    return user
