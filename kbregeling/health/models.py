from django.db import models


class Heartbeat(models.Model):
    """The last time a scheduled task ran: written by the worker, scheduled by beat."""

    name = models.CharField(max_length=60, unique=True)
    at = models.DateTimeField()

    def __str__(self):
        return f"{self.name} {self.at:%Y-%m-%d %H:%M:%S}"
