"""Sign-in throttling: django-axes' database handler with two limits instead of one.

- per username and address (`AXES_FAILURE_LIMIT`, default 10): guessing one account's password;
- per address across usernames (`LOGIN_ADDRESS_FAILURE_LIMIT`, default 15): password spraying, a few
  guesses at each of many accounts, which the first limit never sees.

Either locks sign-in from that address (for that username, or for every username) for
`AXES_COOLOFF_TIME`. `settings.AXES_LOCKOUT_PARAMETERS` lists the two groups in this order. django-axes
compares one number with one limit, so the address's count is given to it scaled to the first limit:
it reaches `AXES_FAILURE_LIMIT` exactly when the address reaches its own limit. A successful sign-in
forgives that username's failures from that address only, never the other usernames' (which would let
a sprayer with one account of their own reset the address's count).
"""
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class PortalAxesHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials: dict | None = None) -> int:
        pair, address = (attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
                         for attempts in self.get_user_attempts(request, credentials))
        return max(pair, address * settings.AXES_FAILURE_LIMIT // settings.LOGIN_ADDRESS_FAILURE_LIMIT)

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(username=username, ip_address=request.axes_ip_address).delete()
        return count
