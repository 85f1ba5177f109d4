"""Writes to an agency's contact and registered website domains (Template 3 URLs must live on these)."""
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from catalog.models import Agency, AgencyDomain
from catalog.validators import validate_hostname


def normalize_domain(text: str) -> str:
    """`https://WWW.Pattani.go.th./x` → `www.pattani.go.th`: the host, lower case, no trailing dot."""
    host = str(text or "").strip().lower().removeprefix("https://").removeprefix("http://")
    return host.split("/")[0].rstrip(".")


def agency_update_contact(*, agency: Agency, contact_name: str, contact_email: str, contact_phone: str,
                          domains: list[str], by, remove_all_domains: bool = False) -> Agency:
    """Set the agency's contact and replace its registered domains (the statistics office and admins).

    Removing every domain is an explicit act (`remove_all_domains`): an empty list alone is refused
    while the agency has domains, since no Template 3 link of the agency can be saved without one.
    """
    if not getattr(by, "can_manage_catalog", False):
        raise PermissionDenied("Only the statistics office and admins keep agencies' domains and contacts.")
    errors, cleaned = {}, []
    for text in domains:
        host = normalize_domain(text)
        if not host or host in cleaned:
            continue
        try:
            validate_hostname(host)
        except ValidationError as exc:
            errors.setdefault("domains", []).append(exc)
        cleaned.append(host)
    with transaction.atomic():
        agency = Agency.objects.select_for_update().get(pk=agency.pk)
        agency.contact_name, agency.contact_email = contact_name.strip(), contact_email.strip()
        agency.contact_phone = contact_phone.strip()
        try:
            agency.full_clean(validate_unique=False)
        except ValidationError as exc:
            errors |= {name: msgs for name, msgs in exc.error_dict.items()
                       if name in ("contact_name", "contact_email", "contact_phone")}
        if not cleaned and not remove_all_domains and agency.domains.exists():
            errors.setdefault("domains", []).append(ValidationError(
                _("Enter at least one domain. To remove every registered domain, tick “Remove every registered "
                  "domain”."), code="domains_cleared"))
        if errors:
            raise ValidationError(errors)
        agency._history_user = by
        agency._change_reason = _("Contact and domains updated")
        agency.save(update_fields=["contact_name", "contact_email", "contact_phone", "updated_at"])
        for domain in agency.domains.exclude(domain__in=cleaned):
            domain._history_user = by
            domain.delete()
        existing = set(agency.domains.values_list("domain", flat=True))
        for host in cleaned:
            if host not in existing:
                domain = AgencyDomain(agency=agency, domain=host)
                domain._history_user = by
                domain.save()
    return agency
