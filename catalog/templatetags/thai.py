"""Template filters for Buddhist-era dates: {{ value|be_date }}, {{ value|be_date:"long" }}."""
from django import template

from catalog.thaidates import format_be_date, to_be_year

register = template.Library()


@register.filter
def be_date(value, style: str = "short") -> str:
    return format_be_date(value, style)


@register.filter
def be_datetime(value) -> str:
    if not value:
        return ""
    from django.utils import timezone

    local = timezone.localtime(value)
    return f"{format_be_date(local)} {local:%H:%M}"


@register.filter
def be_year(value) -> int | str:
    return to_be_year(value) if value else ""


@register.filter
def percent(part, whole) -> str:
    return f"{(100 * part / whole):.0f}" if whole else "0"
