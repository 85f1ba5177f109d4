from django.urls import path

from progress import views

app_name = "progress"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("issues/<int:number>/", views.dashboard, name="dashboard"),
    path("items/", views.items, name="items"),
    path("follow-up/<str:code>/", views.followup, name="follow-up"),
    path("follow-up/<str:code>/follow-up.xlsx", views.followup_xlsx, name="follow-up-xlsx"),
    path("resolutions/", views.resolutions, name="resolutions"),
    path("resolutions/new/", views.resolution_new, name="resolution-new"),
    path("gdc/", views.gdc, name="gdc"),
    path("gdc/import/", views.gdc_import, name="gdc-import"),
    path("gdc/bulk/", views.gdc_bulk, name="gdc-bulk"),
    path("gdc/<int:pk>/", views.gdc_save, name="gdc-save"),
]
