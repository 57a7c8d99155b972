"""The library a staff member works for: a second step, because the sign-up app's models
point to users and a user points to a library (a cycle no single migration can create)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('aanmelding', '0001_initial'),
        ('accounts', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='gebruiker',
            name='bibliotheek',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='medewerkers', to='aanmelding.bibliotheek', verbose_name='library'),
        ),
    ]
