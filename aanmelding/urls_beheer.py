"""KB's administrator's pages: libraries, onboarding and the interest requests."""

from django.urls import path

from .views import beheer

app_name = "beheer"
urlpatterns = [
    path("bibliotheken/", beheer.libraries, name="libraries"),
    path("bibliotheken/nieuw/", beheer.library_new, name="library_new"),
    path("bibliotheken/<int:pk>/", beheer.library_edit, name="library_edit"),
    path("belangstelling/", beheer.interest, name="interest"),
    path("belangstelling/<int:pk>/afwijzen/", beheer.interest_decline, name="interest_decline"),
]
