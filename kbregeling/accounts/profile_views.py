"""A person's own details: name and telephone at once; a new e-mail address only after the
password (and code) again and a confirmation link sent to that new address."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kbregeling.mail import outbox

from .forms import EmailChangeForm, ProfileForm
from .models import Gebruiker
from .second_factor import confirm_identity

EMAIL_CHANGE_SALT = "kbregeling.accounts.email-change"
EMAIL_CHANGE_DAYS = 2


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details were saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@confirm_identity
def email_change(request):
    form = EmailChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        new = form.cleaned_data["email"]
        token = signing.dumps(
            {"user": request.user.pk, "email": new, "from": request.user.email},
            salt=EMAIL_CHANGE_SALT,
        )
        context = {
            "user": request.user,
            "new": new,
            "days": EMAIL_CHANGE_DAYS,
            "link": settings.SITE_URL + reverse("accounts:email_confirm", args=[token]),
        }
        subject, body = outbox.render("accounts/email/email_change_confirm.txt", context)
        outbox.record(subject, body, [new], private=True)
        if request.user.email:
            subject, body = outbox.render("accounts/email/email_change_notice.txt", context)
            outbox.record(subject, body, [request.user.email])
        messages.success(
            request,
            _("We sent a link to %(email)s. Your address changes once you open it.")
            % {"email": new},
        )
        return redirect("accounts:profile")
    return render(request, "accounts/email_change.html", {"form": form})


@login_required
def email_confirm(request, token):
    try:
        data = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_DAYS * 86400)
    except signing.BadSignature:  # tampered with, or expired (SignatureExpired is one too)
        return render(request, "accounts/email_change_failed.html", status=400)
    if data.get("user") != request.user.pk or data.get("from") != request.user.email:
        # another account's link, or an older one: the address changed since it was sent
        return render(request, "accounts/email_change_failed.html", status=400)
    with transaction.atomic():
        user = Gebruiker.objects.select_for_update().get(pk=request.user.pk)
        new = data["email"]
        form = EmailChangeForm(user, {"email": new})
        if not form.is_valid():  # taken by someone else in the meantime, or already done
            return render(request, "accounts/email_change_failed.html", {"form": form}, status=400)
        if user.username.lower() == user.email.lower():  # invited people log in with it
            user.username = new
        user.email = new
        user.save(update_fields=["email", "username"])
    messages.success(request, _("Your e-mail address is now %(email)s.") % {"email": new})
    return redirect("accounts:profile")
