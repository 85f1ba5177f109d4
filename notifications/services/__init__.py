from .digests import notify_daily_digests  # noqa: F401
from .send import notify, notify_deliver, notify_record_approved, notify_record_returned, notify_mark_read  # noqa: F401
