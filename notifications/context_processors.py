from notifications.selectors import unread_count


def unread(request):
    """The unread count for the menu badge (one query, only for a signed-in person), read when a page shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": lambda: unread_count(user=user)}
