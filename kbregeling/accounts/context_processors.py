from . import second_factor
from .constants import Rol


def roles(request):
    """Let templates show the navigation of the user's role."""
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "is_bibliotheekmedewerker": user.is_bibliotheekmedewerker,
        "is_beoordelaar": user.is_beoordelaar,
        "is_coordinator": user.is_coordinator,
        "is_kb_beoordelaar": user.heeft_rol(Rol.KB_BEOORDELAAR),
        "is_kb_beheerder": user.heeft_rol(Rol.KB_BEHEERDER),
        "second_factor_required": second_factor.is_required(user),
    }
