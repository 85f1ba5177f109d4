from django.urls import path

from catalog.views import api, public, resolutions

app_name = "catalog"

urlpatterns = [
    path("", public.home, name="home"),
    path("issues/<int:number>/", public.issue_detail, name="issue-detail"),
    path("items/<int:pk>/", public.item_detail, name="item-detail"),
    path("resolutions/<int:pk>/minutes.pdf", resolutions.resolution_minutes, name="resolution-minutes"),
    path("api/v1/issues/", api.issues, name="api-issues"),
    path("api/v1/issues/<int:number>/items/", api.issue_items, name="api-issue-items"),
]
