"""The sides of a conversation and how long an author may take a message back."""

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

#: An author may withdraw a message this long after posting it; never after.
WITHDRAW_WITHIN = timedelta(minutes=15)

#: The longest message, as an advice's motivation.
MAX_LENGTH = 5000


class Kant(models.TextChoices):
    """Who a message speaks for: the library, or one of the two reviewer parties (the values
    of the latter are those of ``Partij``)."""

    BIBLIOTHEEK = "bibliotheek", _("Library")
    KB = "kb", _("KB")
    DIGISTERKER = "digisterker", _("Stichting Digisterker")
