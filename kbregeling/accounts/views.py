from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from .constants import Rol


@login_required
def home(request):
    """Send each role to the page it works from."""
    user = request.user
    if user.is_bibliotheekmedewerker:
        return redirect("taken:list")  # the library's task list
    if user.is_beoordelaar:
        return redirect("rapportage:queue")  # plans and year reports awaiting their party
    if user.is_coordinator:
        return redirect("aanmelding:overview")
    if user.heeft_rol(Rol.KB_BEHEERDER):
        return redirect("beheer:libraries")  # by URL name: this shared app imports no domain app
    if user.is_superuser:
        return redirect("admin:index")
    return render(request, "no_role.html")
