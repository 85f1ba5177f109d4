from django.conf import settings

from catalog.models import Province
from catalog.models.reference import localized


def portal(request) -> dict:
    """The portal's name for the header: "ระบบบัญชีข้อมูลจังหวัด" + the province loaded in this deployment."""
    province = Province.objects.order_by("pk").first()
    name_th = settings.PORTAL_NAME_TH + (province.name_th if province else "")
    name_en = (f"{province.name_en} " if province and province.name_en else "") + settings.PORTAL_NAME_EN
    return {"portal_name": localized(name_th, name_en), "portal_province": province}
