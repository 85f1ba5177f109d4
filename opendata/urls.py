from django.urls import path

from opendata.views import api

app_name = "opendata"

urlpatterns = [
    path("api/3/action/<str:name>", api.action, name="action"),
    path("api/action/<str:name>", api.action, name="action-unversioned"),
]
