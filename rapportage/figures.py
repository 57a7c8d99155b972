"""The national figures of one year, for the coordinator's overview, its PDF and spreadsheets.

Everything is computed in a fixed number of SQL queries (eight), however many libraries and
reports there are: aggregates, ``values().annotate()`` and subqueries, never a query per row.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext as _

from aanmelding.service import Gemeente
from licenties.service import Licentie, LicentieStatus, coverage, year_licences

from .constants import AFGEROND, DOELGROEPEN, LEEFTIJDEN, NOG_IN_TE_DIENEN, VERWIJZINGEN
from .constants import RapportageStatus as S
from .models import Rapportage

#: A report counts once the library has submitted it, whatever its assessment says since,
#: except while it is back with the library for more information: the library then edits the
#: live figures, and the round's snapshot keeps the submitted ones only as display text.
TERUG_BIJ_BIBLIOTHEEK = S.AANVULLING_GEVRAAGD
INGEDIEND_OF_LATER = [
    s for s in S.values if s not in NOG_IN_TE_DIENEN and s != TERUG_BIJ_BIBLIOTHEEK
]
NUMBERS = [
    "cursussen_gestart",
    "bijeenkomsten",
    "deelnemers_aangemeld",
    "deelnemers_gestart",
    "deelnemers_afgerond",
    "wachtlijst",
]
BREAKDOWNS = [*LEEFTIJDEN, *DOELGROEPEN, *VERWIJZINGEN]


def label(name) -> str:
    return str(Rapportage._meta.get_field(name).verbose_name)


@dataclass
class NationalFigures:
    jaar: int
    libraries: int = 0
    licences: int = 0
    budget: Decimal = Decimal(0)
    covered: int = 0
    municipalities: int = 0
    reports: int = 0
    returned: int = 0  # reports back with the library for more information: not counted
    totals: list = field(default_factory=list)  # (label, number) per NUMBERS field
    tevredenheid: Decimal | None = None
    zelfredzamer: Decimal | None = None
    leeftijden: list = field(default_factory=list)  # (label, number)
    doelgroepen: list = field(default_factory=list)
    verwijzingen: list = field(default_factory=list)
    provinces: list = field(default_factory=list)  # dicts, see national_figures
    trend: list = field(default_factory=list)
    good_practices: list = field(default_factory=list)
    numbers: dict = field(default_factory=dict)  # NUMBERS field name -> total


def province_of_report(licence_ref="licentie"):
    """The province of the largest municipality by inhabitants (ties: CBS code) that the
    report's licence year covers, so that a later change to the library's werkgebied never
    moves a past year; the library's werkgebied only for a licence that names none."""

    def largest(**where):
        return Subquery(
            Gemeente.objects.filter(**where)
            .order_by("-inwoners", "cbs_code")
            .values("provincie")[:1]
        )

    return Coalesce(
        largest(licenties=OuterRef(licence_ref)),
        largest(bibliotheken=OuterRef(f"{licence_ref}__bibliotheek")),
    )


def submitted_reports(jaar):
    return Rapportage.objects.filter(
        licentie__in=year_licences(jaar), status__in=INGEDIEND_OF_LATER
    ).order_by()


def _mean(value, places="0.1"):
    return None if value is None else Decimal(str(value)).quantize(Decimal(places))


def national_figures(jaar: int) -> NationalFigures:
    """The figures of the licence years starting in ``jaar`` (ended licences left out) and of
    the reports of those years that the libraries have submitted, except those back with the
    library for more information (``returned`` counts them).

    A library may serve municipalities in more than one province. So that no participant is
    counted twice, each report counts in full toward one province: that of the largest
    municipality by inhabitants its licence year covers (``province_of_report``).
    """
    figures = NationalFigures(jaar=jaar)

    # 1. Libraries, licences, budget and participants completed, per year: the trend.
    trend = (
        Licentie.objects.exclude(status=LicentieStatus.BEEINDIGD)
        .annotate(jaar=ExtractYear("begindatum"))
        .values("jaar")
        .annotate(
            libraries=Count("bibliotheek", distinct=True),
            licences=Count("pk"),
            budget=Sum("waarde"),
            participants=Sum(
                "rapportage__deelnemers_afgerond",
                filter=Q(rapportage__status__in=INGEDIEND_OF_LATER),
            ),
            returned=Count("rapportage", filter=Q(rapportage__status=TERUG_BIJ_BIBLIOTHEEK)),
        )
        .order_by("jaar")
    )
    figures.trend = [
        row | {"budget": row["budget"] or Decimal(0), "participants": row["participants"] or 0}
        for row in trend
    ]
    this_year = next((row for row in figures.trend if row["jaar"] == jaar), None)
    if this_year:
        figures.libraries = this_year["libraries"]
        figures.licences = this_year["licences"]
        figures.budget = this_year["budget"]
        figures.returned = this_year["returned"]

    # 2. Coverage of the municipalities, per province.
    provinces = coverage(jaar)
    figures.covered = sum(p["covered"] for p in provinces)
    figures.municipalities = sum(p["total"] for p in provinces)

    # 3. The totals of the submitted reports.
    reports = submitted_reports(jaar)
    names = NUMBERS + [name for name, _label in BREAKDOWNS]
    sums = reports.aggregate(
        reports=Count("pk"),
        tevredenheid=Avg("tevredenheid"),
        zelfredzamer=Avg("percentage_zelfredzamer"),
        **{name: Sum(name) for name in names},
    )
    figures.reports = sums["reports"]
    figures.tevredenheid = _mean(sums["tevredenheid"])
    figures.zelfredzamer = _mean(sums["zelfredzamer"], "1")
    figures.numbers = {name: sums[name] or 0 for name in NUMBERS}
    figures.totals = [(label(name), figures.numbers[name]) for name in NUMBERS]
    figures.leeftijden = [(str(text), sums[name] or 0) for name, text in LEEFTIJDEN]
    figures.doelgroepen = [(str(text), sums[name] or 0) for name, text in DOELGROEPEN]
    figures.verwijzingen = [(str(text), sums[name] or 0) for name, text in VERWIJZINGEN]

    # 4. Reports and participants per province (see the docstring).
    per_province = {
        row["provincie"]: row
        for row in reports.annotate(provincie=province_of_report())
        .values("provincie")
        .annotate(
            reports=Count("pk"),
            aangemeld=Sum("deelnemers_aangemeld"),
            gestart=Sum("deelnemers_gestart"),
            afgerond=Sum("deelnemers_afgerond"),
        )
    }
    empty = {"reports": 0, "aangemeld": 0, "gestart": 0, "afgerond": 0}
    for province in provinces:
        row = per_province.pop(province["provincie"], empty)
        figures.provinces.append(
            {
                "provincie": province["provincie"],
                "covered": province["covered"],
                "total": province["total"],
                **{key: row[key] or 0 for key in empty},
            }
        )
    for name, row in per_province.items():  # a library without a service area
        figures.provinces.append(
            {"provincie": name or _("Unknown"), "covered": 0, "total": 0}
            | {key: row[key] or 0 for key in empty}
        )

    # 5. The good practices of the assessed reports.
    figures.good_practices = list(
        reports.filter(status__in=AFGEROND)
        .exclude(good_practices="")
        .annotate(provincie=province_of_report())
        .values("pk", "licentie__bibliotheek__naam", "provincie", "good_practices")
        .order_by("licentie__bibliotheek__naam", "pk")
    )
    return figures


def with_shares(rows) -> list[tuple[str, int, int]]:
    """(label, number) rows with each number's share of their sum, in whole percents that
    add up to exactly 100 (largest remainder: the rounding goes to the largest fractions)."""
    whole = sum(n for _label, n in rows)
    if not whole:
        return [(text, n, 0) for text, n in rows]
    exact = [100 * n / whole for _label, n in rows]
    shares = [int(x) for x in exact]
    by_fraction = sorted(range(len(rows)), key=lambda i: exact[i] - shares[i], reverse=True)
    for i in by_fraction[: 100 - sum(shares)]:
        shares[i] += 1
    return [(text, n, share) for (text, n), share in zip(rows, shares, strict=True)]


def good_practices_sheet() -> str:
    return _("Good practices")


def tables(figures: NationalFigures) -> list[tuple[str, list, list]]:
    """The figures as (name, header, rows): one sheet of the XLSX, one section of the CSV."""

    totals = [
        [_("Year"), figures.jaar],
        [_("Libraries"), figures.libraries],
        [_("Licence years"), figures.licences],
        [_("KB licence budget (€)"), figures.budget],
        [_("Municipalities covered"), figures.covered],
        [_("Municipalities in total"), figures.municipalities],
        [_("Reports submitted"), figures.reports],
        *[[text, n] for text, n in figures.totals],
        [_("Average satisfaction (1–10)"), figures.tevredenheid],
        [_("Average share who feel more self-reliant (%)"), figures.zelfredzamer],
    ]
    share_header = [_("Participants"), _("Share (%)")]
    return [
        (_("Totals"), [_("Figure"), _("Value")], totals),
        (_("Target groups"), [_("Target group"), *share_header], with_shares(figures.doelgroepen)),
        (_("Age"), [_("Age"), *share_header], with_shares(figures.leeftijden)),
        (_("Referral"), [_("Referred by"), *share_header], with_shares(figures.verwijzingen)),
        (
            _("Provinces"),
            [
                _("Province"),
                _("Municipalities covered"),
                _("Municipalities"),
                _("Reports"),
                _("Participants registered"),
                _("Participants started"),
                _("Participants completed"),
            ],
            [
                [
                    p["provincie"],
                    p["covered"],
                    p["total"],
                    p["reports"],
                    p["aangemeld"],
                    p["gestart"],
                    p["afgerond"],
                ]
                for p in figures.provinces
            ],
        ),
        (
            _("Trend"),
            [
                _("Year"),
                _("Libraries"),
                _("Licence years"),
                _("KB licence budget (€)"),
                _("Participants completed"),
            ],
            [
                [t["jaar"], t["libraries"], t["licences"], t["budget"], t["participants"]]
                for t in figures.trend
            ],
        ),
        (
            good_practices_sheet(),
            [_("Library"), _("Province"), _("Good practice")],
            [
                [g["licentie__bibliotheek__naam"], g["provincie"] or "", g["good_practices"]]
                for g in figures.good_practices
            ],
        ),
    ]
