from django.urls import path

from . import views
from .views import conversation, werkgebied_changes

app_name = "aanmelding"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("nieuw/", views.create, name="create"),
    path("beoordelen/", views.dashboard, name="dashboard"),
    path("overzicht/", views.overview, name="overview"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/bewerken/", views.edit, name="edit"),
    path("<int:pk>/indienen/", views.submit, name="submit"),
    path("<int:pk>/intrekken/", views.withdraw, name="withdraw"),
    path("<int:pk>/advies/", views.advise, name="advise"),
    path("<int:pk>/bijlage/", views.attachment, name="attachment"),
    path("<int:pk>/pdf/", views.pdf, name="pdf"),
    path("<int:pk>/berichten/", conversation.post, name="berichten"),
    path(
        "<int:pk>/berichten/<int:bericht>/intrekken/",
        conversation.withdraw,
        name="bericht_intrekken",
    ),
    path(
        "<int:pk>/berichten/<int:bericht>/bijlage/",
        conversation.attachment,
        name="bericht_bijlage",
    ),
    path("<int:pk>/besluitbrief/<int:brief>/", views.decision_letter, name="besluitbrief"),
    path("<int:pk>/wijzigingen/", views.changes, name="changes"),
    path("werkgebied/", werkgebied_changes.changes, name="werkgebied_changes"),
    path("werkgebied/<int:pk>/", werkgebied_changes.confirm, name="werkgebied_change"),
]
