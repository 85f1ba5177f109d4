from django.urls import path

from visualizations import views

app_name = "visualizations"

urlpatterns = [
    path("issues/<int:number>/", views.issue_dashboard, name="issue-dashboard"),
    path("issues/<int:number>/summary/", views.issue_summary, name="issue-summary"),
    path("issues/<int:number>/findings/", views.findings_edit, name="findings-edit"),
    path("data/", views.upload_index, name="upload-index"),
    path("data/items/<int:pk>/upload/", views.item_upload, name="item-upload"),
    path("data/items/<int:pk>/sample.csv", views.item_sample_csv, name="item-sample-csv"),
]
