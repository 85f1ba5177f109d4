from django.urls import path

from templates_app.views import api, template1, template2
from templates_app.views import exchange

app_name = "templates_app"

urlpatterns = [
    path("issues/<int:number>/items/new/", template1.item_create, name="item-create"),
    path("issues/<int:number>/template1.xlsx", template1.issue_workbook, name="issue-workbook"),
    path("items/<int:pk>/edit/", template1.item_edit, name="item-edit"),
    path("items/<int:pk>/remove/", template1.item_remove, name="item-remove"),
    path("items/<int:pk>/restore/", template1.item_restore, name="item-restore"),
    path("my-work/", template2.my_work, name="my-work"),
    path("review/", template2.review_queue, name="review-queue"),
    path("items/<int:pk>/metadata/", template2.metadata_edit, name="metadata-edit"),
    path("items/<int:pk>/metadata/review/", template2.metadata_review, name="metadata-review"),
    path("items/<int:pk>/metadata/history/", template2.metadata_history, name="metadata-history"),
    path("api/v1/datasets/", api.datasets, name="api-datasets"),
    path("exchange/gdcatalog/", exchange.gdcatalog_page, name="gdcatalog-export"),
    path("exchange/gdcatalog.xlsx", exchange.gdcatalog_download, name="gdcatalog-download"),
    path("exchange/", exchange.exchange_page, name="exchange"),
    path("exchange/workbook.xlsx", exchange.agency_download, name="exchange-download"),
    path("exchange/upload/", exchange.exchange_upload, name="exchange-upload"),
    path("exchange/apply/", exchange.exchange_apply, name="exchange-apply"),
]

from templates_app.views import agencies as agency_views, template3  # noqa: E402

urlpatterns += [
    path("items/<int:pk>/resources/", template3.resource_list, name="resource-list"),
    path("items/<int:pk>/resources/new/", template3.resource_create, name="resource-create"),
    path("items/<int:pk>/resources/<int:resource_pk>/", template3.resource_edit, name="resource-edit"),
    path("items/<int:pk>/resources/<int:resource_pk>/delete/", template3.resource_delete, name="resource-delete"),
    path("items/<int:pk>/resources/<int:resource_pk>/check/", template3.resource_check, name="resource-check"),
    path("links/", template3.link_problems, name="link-problems"),
    path("agencies/contacts/", agency_views.agency_list, name="agency-list"),
    path("agencies/contacts/<str:code>/", agency_views.agency_edit, name="agency-edit"),
]
