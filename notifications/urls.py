from django.urls import path

from notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("read/", views.mark_read, name="mark-read"),
    path("email/", views.email_choice, name="email-choice"),
    path("deadlines/", views.deadlines, name="deadlines"),
]
