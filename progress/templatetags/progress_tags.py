from django import template

from catalog.thaidates import to_be_year

register = template.Library()


@register.filter
def be_input(day) -> str:
    """A date as typed in a B.E. form field: `01/06/2566`."""
    return f"{day.day:02d}/{day.month:02d}/{to_be_year(day.year)}" if day else ""


@register.filter
def tier_class(tier: int) -> str:
    return {100: "tier-100", 75: "tier-75", 50: "tier-50"}.get(tier, "tier-0")


@register.simple_tag
def nav_issues():
    """The current fiscal year's issues (number only) for the statistics office's menu: one small query,
    made only where that menu is drawn."""
    from catalog.selectors import issue_list

    return issue_list().values("number").order_by("number")
