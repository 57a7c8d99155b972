"""Users with their role as a trait: ``UserFactory(kb=True)``, ``staff_of(bibliotheek)``."""

import factory
from django.contrib.auth.models import Group

from kbregeling.accounts import second_factor as factor
from kbregeling.accounts.constants import Rol
from kbregeling.accounts.models import Gebruiker
from kbregeling.accounts.second_factor import REQUIRED_FOR

PASSWORD = "demo-wachtwoord-2026"
#: The authenticator app of every test user that has one (base32, as the set-up page shows it).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret=TOTP_SECRET, at=None) -> str:
    """The six digits an authenticator app with ``secret`` shows now (or at ``at``)."""
    return factor.current_code(secret, at)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebruiker
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password(PASSWORD)
    rol = None

    class Params:
        medewerker = factory.Trait(
            bibliotheek=factory.SubFactory("tests.aanmelding.factories.BibliotheekFactory"),
            rol=Rol.BIBLIOTHEEKMEDEWERKER,
        )
        kb = factory.Trait(rol=Rol.KB_BEOORDELAAR)
        digisterker = factory.Trait(rol=Rol.DIGISTERKER_BEOORDELAAR)
        coordinator = factory.Trait(rol=Rol.COORDINATOR)
        beheerder = factory.Trait(rol=Rol.KB_BEHEERDER)

    @classmethod
    def _create(cls, model_class, *args, rol=None, second_factor=None, **kwargs):
        """Reviewers, the coordinator and superusers get their authenticator app (TOTP_SECRET)
        and recovery codes
        unless ``second_factor=False``; anyone else only with ``second_factor=True``."""
        user = super()._create(model_class, *args, **kwargs)
        if rol:
            user.groups.add(Group.objects.get_or_create(name=rol)[0])
        if second_factor is None:
            second_factor = user.is_superuser or rol in REQUIRED_FOR
        if second_factor:
            factor.set_up_app(user, TOTP_SECRET)
        return user


def staff_of(bibliotheek, **kwargs):
    return UserFactory(bibliotheek=bibliotheek, rol=Rol.BIBLIOTHEEKMEDEWERKER, **kwargs)


def stand_in(**role):
    """Someone a factory needs to take a step of the workflow (submit, advise, decide): a real
    user with the role, but without an e-mail address, so that the mails a test looks at go
    to the people of the test only. ``stand_in(kb=True)``, ``stand_in(bibliotheek=b)``."""
    if "bibliotheek" in role:
        return staff_of(role.pop("bibliotheek"), email="", **role)
    return UserFactory(email="", **role)
