from django.urls import path

from jobs import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("gdcatalog/", views.gdcatalog_start, name="gdcatalog-start"),
    path("import/", views.import_apply, name="import-apply"),
    path("linkcheck/", views.link_check_start, name="linkcheck-start"),
    path("<int:pk>/", views.job_detail, name="detail"),
    path("<int:pk>/status/", views.job_status, name="status"),
    path("<int:pk>/download/", views.job_download, name="download"),
]
