from django import template

register = template.Library()


@register.filter
def dashboard_url(row, number: int) -> str:
    return row.dashboard_url(number)
