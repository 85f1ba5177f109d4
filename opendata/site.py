"""The catalog's own name, in Thai and English (the portal's name and the province)."""
from django.conf import settings

from catalog.models import Province


def site_titles() -> tuple[str, str]:
    province = Province.objects.order_by("pk").first()
    name_th = settings.PORTAL_NAME_TH + (province.name_th if province else "")
    name_en = (f"{province.name_en} " if province and province.name_en else "") + settings.PORTAL_NAME_EN
    return name_th, name_en
