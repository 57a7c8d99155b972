"""The second factor: reviewers, the coordinator and superusers reach nothing but its set-up
until they have one, and log in with password and code after that (the admin too); library
staff may turn it on; changing the password or the factor asks for password and code again;
each step is in the access log. Every login here goes through the real pages."""

import time
from datetime import timedelta
from urllib.parse import urlencode

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kbregeling.accesslog.constants import Kind
from kbregeling.accesslog.models import AccessLogEntry

from .factories import PASSWORD, TOTP_SECRET, UserFactory, staff_of, totp_code

# Setting up the app proves the factor in allauth's after-commit signal: real commits here.
pytestmark = pytest.mark.django_db(transaction=True)

REQUIRED = {
    "kb": {"kb": True},
    "digisterker": {"digisterker": True},
    "coordinator": {"coordinator": True},
    "superuser": {"is_superuser": True, "is_staff": True},
}


def password_step(client, user, next_url=""):
    data = {"login": user.username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("login"), data)


def code_step(client, code):
    return client.post(reverse("mfa_authenticate"), {"code": code})


def set_up_app(client):
    """What a person does on the set-up page: scan the key, type the code the app shows."""
    secret = client.get(reverse("mfa_activate_totp")).context["form"].secret
    return client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)}), secret


@pytest.mark.parametrize("role", REQUIRED)
def test_a_password_alone_reaches_nothing_but_the_set_up_of_the_second_factor(client, role):
    user = UserFactory(second_factor=False, **REQUIRED[role])
    assert password_step(client, user).status_code == 302

    for page in [
        reverse("home"),
        reverse("aanmelding:dashboard"),
        reverse("rapportage:national"),
        reverse("accesslog:entries"),
        reverse("admin:index"),
        reverse("mfa_index"),
        reverse("mfa_view_recovery_codes"),
        "/bestaat-niet/",
    ]:
        response = client.get(page)
        assert (response.status_code, response["Location"]) == (302, reverse("mfa_activate_totp"))

    set_up = client.get(reverse("mfa_activate_totp"))
    assert set_up.status_code == 200
    assert "Je rol vraagt om tweestapsverificatie" in set_up.content.decode()


@pytest.mark.parametrize("role", REQUIRED)
def test_after_setting_it_up_everything_works_as_before(client, role):
    user = UserFactory(second_factor=False, **REQUIRED[role])
    password_step(client, user)

    response, _secret = set_up_app(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    codes = client.get(response["Location"])
    assert codes.status_code == 200 and len(codes.context["unused_codes"]) == 10
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    start = client.get(reverse("home"), follow=True)
    assert start.status_code == 200
    assert start.redirect_chain[-1][0] != reverse("mfa_activate_totp")
    assert AccessLogEntry.objects.filter(user=user, kind=Kind.SECOND_FACTOR_ADDED).exists()


def test_a_wrong_code_while_setting_up_is_said_beside_the_field(client, kb):
    kb_without = UserFactory(kb=True, second_factor=False)
    password_step(client, kb_without)
    client.get(reverse("mfa_activate_totp"))

    response = client.post(reverse("mfa_activate_totp"), {"code": "000000"})

    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert not Authenticator.objects.filter(user=kb_without).exists()


def test_the_set_up_page_shows_the_qr_code_and_the_key_as_text(client):
    password_step(client, UserFactory(kb=True, second_factor=False))

    response = client.get(reverse("mfa_activate_totp"))

    html = response.content.decode()
    secret = response.context["form"].secret
    assert 'src="data:image/svg+xml;base64,' in html and "QR-code" in html
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in html
    assert "otpauth://totp/" in html


@pytest.mark.parametrize("role", REQUIRED)
def test_with_a_second_factor_the_login_asks_for_the_code_before_anything(client, role):
    user = UserFactory(**REQUIRED[role])

    response = password_step(client, user)

    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # not logged in on a password alone
    assert client.get(reverse("aanmelding:dashboard"))["Location"].startswith(reverse("login"))
    assert code_step(client, totp_code()).status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert AccessLogEntry.objects.filter(user=user, kind=Kind.LOGIN).count() == 1


def test_the_admin_needs_the_same_login_and_second_factor(client):
    admin = UserFactory(is_superuser=True, is_staff=True)

    to_login = client.get(reverse("admin:index"), follow=True)
    assert to_login.redirect_chain[-1][0].startswith(reverse("login"))
    assert password_step(client, admin, next_url=reverse("admin:index"))["Location"] == reverse(
        "mfa_authenticate"
    )
    response = code_step(client, totp_code())

    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_wrong_codes_count_towards_the_lockout_like_wrong_passwords(client, kb, settings):
    settings.AXES_FAILURE_LIMIT = 3
    password_step(client, kb)
    wrong = "123456" if totp_code() != "123456" else "654321"

    answers = [code_step(client, wrong).status_code for _ in range(3)]
    right_code = code_step(client, totp_code())
    right_password = password_step(Client(), kb)

    assert answers == [200, 200, 429]
    assert right_code.status_code == 429  # no more tries at the code while locked
    assert "_auth_user_id" not in client.session
    assert right_password.status_code == 429  # nor at the password
    failed = AccessLogEntry.objects.filter(user=kb, kind=Kind.LOGIN_FAILED)
    assert failed.count() == 3


def test_wrong_codes_are_also_limited_per_account_in_the_shared_cache(client, kb, settings):
    settings.AXES_FAILURE_LIMIT = 100  # only allauth's limit: 5 wrong codes in 5 minutes
    password_step(client, kb)
    wrong = "123456" if totp_code() != "123456" else "654321"
    for _ in range(5):
        assert code_step(client, wrong).context["form"].errors["code"]

    limited = code_step(client, totp_code())

    assert "_auth_user_id" not in client.session
    assert "Te veel" in limited.content.decode()


def test_a_recovery_code_logs_in_once_and_is_in_the_access_log(client, kb):
    password_step(client, kb)
    client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    recovery = client.get(reverse("mfa_view_recovery_codes"))  # made on first view
    code = recovery.context["unused_codes"][0]
    client.logout()

    password_step(client, kb)
    assert code_step(client, code).status_code == 302
    client.logout()
    password_step(client, kb)
    again = code_step(client, code)

    assert again.status_code == 200 and "_auth_user_id" not in client.session
    assert AccessLogEntry.objects.filter(user=kb, kind=Kind.RECOVERY_CODE_USED).count() == 1


def test_library_staff_log_in_with_a_password_and_are_invited_to_turn_it_on(client, bibliotheek):
    medewerker = staff_of(bibliotheek)

    response = client.post(
        reverse("login"), {"login": medewerker.username, "password": PASSWORD}, follow=True
    )

    html = response.content.decode()
    assert client.session["_auth_user_id"] == str(medewerker.pk)
    assert "tweestapsverificatie" in html and reverse("mfa_activate_totp") in html


def test_library_staff_may_turn_it_on_and_then_log_in_with_a_code(client, bibliotheek):
    medewerker = staff_of(bibliotheek)
    password_step(client, medewerker)

    set_up_app(client)
    client.logout()

    assert password_step(client, medewerker)["Location"] == reverse("mfa_authenticate")


@pytest.mark.parametrize("target", ["account_change_password", "mfa_deactivate_totp"])
def test_changing_password_or_factor_asks_for_password_and_code_again(client, kb, target):
    password_step(client, kb)
    code_step(client, totp_code())
    url = reverse(target)
    assert client.get(url).status_code == 200  # just logged in: both are fresh

    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        first = client.get(url)
        asked = urlencode({"next": url})
        assert first["Location"] == f"{reverse('account_reauthenticate')}?{asked}"
        wrong = client.post(first["Location"], {"password": "fout"})
        assert wrong.status_code == 200
        then = client.post(first["Location"], {"password": PASSWORD})
        assert then["Location"] == url
        second = client.get(url)
        assert second["Location"] == f"{reverse('mfa_reauthenticate')}?{asked}"
        client.post(second["Location"], {"code": totp_code()})

        assert client.get(url).status_code == 200


def test_a_reviewer_who_turns_the_app_off_sets_up_a_new_one_before_going_on(client, kb):
    password_step(client, kb)
    code_step(client, totp_code())

    response = client.post(reverse("mfa_deactivate_totp"))

    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=kb, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("aanmelding:dashboard"))["Location"] == reverse("mfa_activate_totp")
    assert AccessLogEntry.objects.filter(user=kb, kind=Kind.SECOND_FACTOR_REMOVED).exists()


def test_a_session_that_skipped_the_code_is_asked_for_it(client, kb):
    """Should any way in skip the code (none does today), the pages still ask for it."""
    client.force_login(kb)
    session = client.session
    session["account_authentication_methods"] = []
    session.save()

    response = client.get(reverse("aanmelding:dashboard"))

    assert response["Location"].startswith(reverse("mfa_reauthenticate"))


DUTCH_PAGES = [
    "login",
    "mfa_authenticate",
    "mfa_activate_totp",
    "mfa_index",
    "account_reauthenticate",
]


@pytest.mark.parametrize("page", DUTCH_PAGES)
def test_the_login_and_second_factor_pages_are_dutch_and_say_inloggen(client, page):
    user = UserFactory(medewerker=True)
    if page == "mfa_authenticate":
        password_step(client, UserFactory(kb=True))
    elif page != "login":
        password_step(client, user)

    html = client.get(reverse(page)).content.decode()

    assert 'lang="nl"' in html
    assert "Aanmelden" not in html and "Sign in" not in html.lower().replace("sign-in", "")


def test_a_phone_half_a_minute_off_still_logs_in_but_an_old_code_does_not(client, kb):
    now = time.time()
    password_step(client, kb)

    assert code_step(client, totp_code(at=now - 90)).status_code == 200  # three steps old
    assert code_step(client, totp_code(at=now - 30)).status_code == 302  # one step: drift


def test_an_administrator_resets_a_lost_second_factor_and_the_next_login_sets_up_a_new_one(
    client, kb
):
    old_code = RecoveryCodes(Authenticator.objects.get(user=kb, type="recovery_codes"))
    old_code = old_code.get_unused_codes()[0]
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)

    reset = client.post(
        reverse("admin:accounts_gebruiker_changelist"),
        {"action": "reset_second_factor", "_selected_action": [kb.pk]},
    )
    client.logout()
    password_step(client, kb)

    assert reset.status_code == 302
    assert not Authenticator.objects.filter(user=kb).exists()
    assert client.get(reverse("home"))["Location"] == reverse("mfa_activate_totp")
    set_up_app(client)
    client.logout()
    password_step(client, kb)
    assert code_step(client, old_code).status_code == 200  # the old recovery codes are gone
    entry = AccessLogEntry.objects.get(kind=Kind.SECOND_FACTOR_REMOVED)
    assert (entry.user, entry.what) == (admin, f"reset: {kb.username}")


def test_the_admin_shows_who_has_a_factor_but_never_the_secret_and_changes_nothing(client, kb):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    authenticator = Authenticator.objects.get(user=kb, type=Authenticator.Type.TOTP)

    listing = client.get(reverse("admin:mfa_authenticator_changelist"))
    detail = client.get(reverse("admin:mfa_authenticator_change", args=[authenticator.pk]))
    delete = client.get(reverse("admin:mfa_authenticator_delete", args=[authenticator.pk]))

    assert listing.status_code == detail.status_code == 200
    assert "secret" not in detail.content.decode()
    assert TOTP_SECRET not in str(authenticator.data)  # stored encrypted
    assert delete.status_code == 403


def test_the_admins_password_change_is_the_apps_with_its_confirmation(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get(reverse("admin:password_change"))

    assert response["Location"] == reverse("account_change_password")


def test_staff_who_may_open_the_admin_need_the_second_factor_too(client):
    staff = UserFactory(is_staff=True, second_factor=False)
    password_step(client, staff)

    assert client.get(reverse("admin:index"))["Location"] == reverse("mfa_activate_totp")


def test_wrong_passwords_on_the_confirmation_count_towards_the_lockout(client, kb, settings):
    settings.AXES_FAILURE_LIMIT = 3
    password_step(client, kb)
    code_step(client, totp_code())

    answers = [
        client.post(reverse("account_reauthenticate"), {"password": "fout"}).status_code
        for _ in range(3)
    ]

    assert answers == [200, 200, 429]


def test_allauths_limit_on_logins_answers_in_dutch_and_counts_people_behind_the_proxy(
    client, settings
):
    """Behind the TLS proxy every request comes from the proxy: the limit counts the address
    the proxy gives (X-Forwarded-For), so one noisy address does not block everyone."""
    settings.TLS_PROXY = True
    settings.ACCOUNT_RATE_LIMITS = {"login": "2/m/ip"}
    noisy = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    other = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.8"}

    answers = [client.post(reverse("login"), {"login": "x"}, **noisy) for _ in range(3)]
    someone_else = client.post(reverse("login"), {"login": "x"}, **other)

    assert [a.status_code for a in answers] == [200, 200, 429]
    assert "Te vaak geprobeerd" in answers[-1].content.decode()
    assert someone_else.status_code == 200
