"""The index as PermenPANRB 14/2017 computes it, with no database: the nine unsur, their
questions and four-point answers, NRR per unsur, IKM and the mutu pelayanan.

- NRR (nilai rata-rata) of an unsur = sum of its answers / number of answers;
- NRR tertimbang = NRR x 1/9 (the regulation writes the weight as 0.111; the exact ninth is
  used so that a unit answered "4" everywhere scores 100.00, not 99.90);
- IKM = sum of the NRR tertimbang x 25, i.e. the mean of the nine NRR x 25, rounded half up
  to two decimals; the mutu pelayanan is read from the rounded IKM.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Unsur:
    """One element of the survey: its code (U1..U9), name, question and the answers 1..4."""

    code: str
    name: str
    question: str
    answers: tuple  # the wording of 1, 2, 3, 4

    @property
    def field(self):
        return self.code.lower()


UNSUR = (
    Unsur(
        "U1",
        _("Persyaratan"),
        _("Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?"),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    Unsur(
        "U2",
        _("Sistem, mekanisme dan prosedur"),
        _("Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?"),
        (_("Tidak mudah"), _("Kurang mudah"), _("Mudah"), _("Sangat mudah")),
    ),
    Unsur(
        "U3",
        _("Waktu penyelesaian"),
        _("Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?"),
        (_("Tidak cepat"), _("Kurang cepat"), _("Cepat"), _("Sangat cepat")),
    ),
    Unsur(
        "U4",
        _("Biaya/tarif"),
        _("Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?"),
        (_("Sangat mahal"), _("Cukup mahal"), _("Murah"), _("Gratis")),
    ),
    Unsur(
        "U5",
        _("Produk spesifikasi jenis pelayanan"),
        _(
            "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum "
            "dalam standar pelayanan dengan hasil yang diberikan?"
        ),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    Unsur(
        "U6",
        _("Kompetensi pelaksana"),
        _("Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?"),
        (_("Tidak kompeten"), _("Kurang kompeten"), _("Kompeten"), _("Sangat kompeten")),
    ),
    Unsur(
        "U7",
        _("Perilaku pelaksana"),
        _(
            "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait "
            "kesopanan dan keramahan?"
        ),
        (
            _("Tidak sopan dan ramah"),
            _("Kurang sopan dan ramah"),
            _("Sopan dan ramah"),
            _("Sangat sopan dan ramah"),
        ),
    ),
    Unsur(
        "U8",
        _("Penanganan pengaduan, saran dan masukan"),
        _("Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?"),
        (
            _("Tidak ada"),
            _("Ada tetapi tidak berfungsi"),
            _("Berfungsi kurang maksimal"),
            _("Dikelola dengan baik"),
        ),
    ),
    Unsur(
        "U9",
        _("Sarana dan prasarana"),
        _("Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?"),
        (_("Buruk"), _("Cukup"), _("Baik"), _("Sangat baik")),
    ),
)
FIELDS = tuple(unsur.field for unsur in UNSUR)
WEIGHT = Fraction(1, len(UNSUR))
CONVERSION = 25
TWO_PLACES = Decimal("0.01")
THREE_PLACES = Decimal("0.001")


@dataclass(frozen=True)
class Mutu:
    """A band of the index: letter, lower bound (inclusive, on the rounded IKM) and its name."""

    letter: str
    lowest: Decimal
    label: str


# Highest first: the first band whose lower bound the rounded IKM reaches.
MUTU = (
    Mutu("A", Decimal("88.31"), _("Sangat Baik")),
    Mutu("B", Decimal("76.61"), _("Baik")),
    Mutu("C", Decimal("65.00"), _("Kurang Baik")),
    Mutu("D", Decimal("25.00"), _("Tidak Baik")),
)


def _round(value, places=TWO_PLACES):
    """A Fraction as a Decimal rounded half up (the regulation's tables round that way)."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(places, rounding=ROUND_HALF_UP)


def mutu_for(ikm):
    """The band of a (rounded) IKM between 25 and 100."""
    ikm = Decimal(ikm)
    if not Decimal(25) <= ikm <= Decimal(100):
        raise ValueError(f"IKM {ikm} lies outside 25-100")
    return next(band for band in MUTU if ikm >= band.lowest)


@dataclass(frozen=True)
class Result:
    """The index of a set of answers: respondents, NRR per unsur (exact and rounded), IKM, mutu."""

    respondents: int
    sums: tuple  # the sum of the answers to each unsur
    exact_nrr: tuple  # Fractions

    @property
    def nrr(self):
        """NRR per unsur rounded to three decimals, as the regulation's tables print them."""
        return tuple(_round(value, THREE_PLACES) for value in self.exact_nrr)

    @property
    def nrr_tertimbang(self):
        return tuple(_round(value * WEIGHT, THREE_PLACES) for value in self.exact_nrr)

    @property
    def ikm(self):
        if not self.respondents:
            return None
        return _round(sum(value * WEIGHT for value in self.exact_nrr) * CONVERSION)

    @property
    def mutu(self):
        return None if self.ikm is None else mutu_for(self.ikm)

    @property
    def per_unsur(self):
        """(unsur, NRR, NRR x 25) for each unsur: the per-element bars of the result page."""
        return (
            [
                (unsur, nrr, _round(exact * CONVERSION))
                for unsur, nrr, exact in zip(UNSUR, self.nrr, self.exact_nrr, strict=True)
            ]
            if self.respondents
            else []
        )


def compute(sums, respondents):
    """The result from the sum of each unsur's answers over ``respondents`` complete responses."""
    sums = tuple(int(value) for value in sums)
    if len(sums) != len(UNSUR):
        raise ValueError("nine sums are needed, one per unsur")
    exact = (
        tuple(Fraction(value, respondents) for value in sums) if respondents else (Fraction(0),) * len(UNSUR)
    )
    return Result(respondents, sums, exact)


def score(answers):
    """The result of a list of responses, each nine answers (1-4) in unsur order."""
    answers = [tuple(row) for row in answers]
    for row in answers:
        if len(row) != len(UNSUR) or any(value not in (1, 2, 3, 4) for value in row):
            raise ValueError(f"each response holds nine answers from 1 to 4: {row}")
    sums = [sum(row[index] for row in answers) for index in range(len(UNSUR))]
    return compute(sums, len(answers))
