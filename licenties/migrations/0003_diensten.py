from django.db import migrations

DIENSTEN = [
    "Landelijk cursusmateriaal",
    "Gemeentelijke maatwerkmodule",
    "Werkboeken",
    "Docententraining en certificering",
    "Promotiemateriaal",
]


def create(apps, schema_editor):
    Dienst = apps.get_model("licenties", "Dienst")
    for order, naam in enumerate(DIENSTEN):
        Dienst.objects.get_or_create(naam=naam, defaults={"volgorde": order})


class Migration(migrations.Migration):
    dependencies = [("licenties", "0002_no_overlapping_years")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
