from django.urls import path

from . import views

app_name = "licenties"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("alle/", views.licence_list, name="list"),
    path("alle/export.csv", views.export_csv, name="export_csv"),
    path("overzicht/", views.overview, name="overview"),
    path("tarieven/", views.tariffs, name="tariffs"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/beeindigen/", views.end, name="end"),
    path("<int:pk>/besluitbrief/<int:brief>/", views.decision_letter, name="besluitbrief"),
    path("bibliotheek/<int:pk>/", views.library, name="library"),
    path("bibliotheek/<int:pk>/nieuw/", views.create, name="create"),
    path("bibliotheek/<int:pk>/overeenkomst/", views.edit_agreement, name="agreement"),
    path("bibliotheek/<int:pk>/overeenkomst/ondertekenen/", views.sign_agreement, name="sign"),
    path("bibliotheek/<int:pk>/overeenkomst/document/", views.agreement_document, name="document"),
]
