from django.urls import path

from templates_app.views import template1

app_name = "templates_app"

urlpatterns = [
    path("issues/<int:number>/items/new/", template1.item_create, name="item-create"),
    path("issues/<int:number>/template1.xlsx", template1.issue_workbook, name="issue-workbook"),
    path("items/<int:pk>/edit/", template1.item_edit, name="item-edit"),
    path("items/<int:pk>/remove/", template1.item_remove, name="item-remove"),
    path("items/<int:pk>/restore/", template1.item_restore, name="item-restore"),
]
