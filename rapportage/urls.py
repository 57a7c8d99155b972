from django.urls import path

from . import urls_national
from .views import library, queue, review, shared

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
]
urlpatterns += urls_national.urlpatterns  # the national overview, exports and PDFs
