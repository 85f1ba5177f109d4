from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from catalog.views.health import healthz
from catalog.views.language import set_language

admin.site.site_header = _("Provincial data catalog: administration")
admin.site.site_title = _("Data catalog administration")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("accounts/", include("accounts.urls")),
    path("language/", set_language, name="set_language"),
    path("healthz", healthz, name="healthz"),
    path("viz/", include("visualizations.urls")),
    path("progress/", include("progress.urls")),
    path("national/", include("national.urls")),
    path("", include("templates_app.urls")),
    path("", include("catalog.urls")),
]
