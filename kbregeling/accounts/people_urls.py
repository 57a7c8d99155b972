from django.urls import path

from . import invitation_views, people, profile_views

app_name = "accounts"
urlpatterns = [
    path("mensen/", people.people, name="people"),
    path("mensen/kb-en-digisterker/", people.reviewer_people, name="reviewer_people"),
    path("mensen/bibliotheek/<int:bibliotheek_id>/", people.library_people, name="library_people"),
    path("mensen/<int:pk>/deactiveren/", people.deactivate, name="deactivate"),
    path("mensen/<int:pk>/activeren/", people.reactivate, name="reactivate"),
    path(
        "uitnodigingen/<int:pk>/opnieuw/",
        people.invitation_send_again,
        name="invitation_send_again",
    ),
    path(
        "uitnodigingen/<int:pk>/intrekken/", people.invitation_withdraw, name="invitation_withdraw"
    ),
    path("uitnodiging/<str:token>/", invitation_views.invitation, name="invitation"),
    path(
        "uitnodiging/<str:token>/nieuwe/",
        invitation_views.ask_for_a_new_invitation,
        name="invitation_ask_new",
    ),
    path("profiel/", profile_views.profile, name="profile"),
    path("profiel/e-mail/", profile_views.email_change, name="email_change"),
    path("profiel/e-mail/<str:token>/", profile_views.email_confirm, name="email_confirm"),
]
