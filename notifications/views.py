"""The signed-in person's notifications, marking them read, and their e-mail choice."""
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.permissions import catalog_manager_required
from notifications.forms import DeadlineForm
from notifications.models import Deadline
from notifications.selectors import notifications_for, wants_email
from notifications.services.deadlines import deadline_set
from notifications.services import notify_mark_read
from notifications.services.preferences import email_preference_set


@login_required
@require_safe
def notification_list(request):
    return render(request, "notifications/list.html", {
        "notes": notifications_for(user=request.user), "email_enabled": wants_email(user=request.user)})


@login_required
@require_POST
def mark_read(request):
    notify_mark_read(user=request.user)
    return redirect("notifications:list")


@login_required
@require_POST
def email_choice(request):
    """The checkbox sends nothing when unticked, so the form says it is this form: an empty POST changes nothing."""
    if request.POST.get("choice") != "email":
        return HttpResponseBadRequest("Send the e-mail choice form.")
    email_preference_set(user=request.user, enabled=request.POST.get("email") == "on")
    return redirect("notifications:list")


@catalog_manager_required
@require_http_methods(["GET", "HEAD", "POST"])
def deadlines(request):
    """The statistics office sets each fiscal year's deadline; agency staff are reminded before it."""
    form = DeadlineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        deadline_set(**form.cleaned_data)
        return redirect("notifications:deadlines")
    return render(request, "notifications/deadlines.html", {"form": form, "deadlines": Deadline.objects.all()[:20]},
                  status=400 if form.is_bound else 200)
