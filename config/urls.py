from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

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
    path("help/", TemplateView.as_view(template_name="help.html"), name="help"),
    path("viz/", include("visualizations.urls")),
    path("progress/", include("progress.urls")),
    path("national/", include("national.urls")),
    path("", include("opendata.urls")),
    path("jobs/", include("jobs.urls")),
    path("notifications/", include("notifications.urls")),
    path("", include("templates_app.urls")),
    path("", include("catalog.urls")),
]
