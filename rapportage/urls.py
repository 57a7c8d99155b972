from django.urls import path

from . import urls_national
from .views import changes, conversation, decision_letter, library, queue, review, shared

app_name = "rapportage"
urlpatterns = [
    path("", library.mine, name="mine"),
    path("beoordelen/", review.dashboard, name="dashboard"),
    path("werkvoorraad/", queue.queue, name="queue"),
    path("good-practices/", shared.good_practices, name="good_practices"),
    path("herinneringen/", shared.reminder_log, name="reminders"),
    path("<int:pk>/", review.detail, name="detail"),
    path("<int:pk>/bewerken/", library.edit, name="edit"),
    path("<int:pk>/indienen/", library.submit, name="submit"),
    path("<int:pk>/advies/", review.advise, name="advise"),
    path("<int:pk>/besluit/", review.decide, name="decide"),
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
    path(
        "<int:pk>/besluitbrief/<int:brief>/",
        decision_letter.decision_letter,
        name="besluitbrief",
    ),
    path("<int:pk>/wijzigingen/", changes.changes, name="changes"),
]
urlpatterns += urls_national.urlpatterns  # the national overview, exports and PDFs
