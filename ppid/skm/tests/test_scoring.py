"""The index computed as PermenPANRB 14/2017 does, against a sample computed by hand."""

from decimal import Decimal

from django.test import SimpleTestCase

from ppid.skm import scoring

# Four respondents, nine unsur each (U1..U9).
SAMPLE = [
    (4, 4, 3, 4, 3, 3, 4, 3, 3),
    (3, 3, 3, 4, 3, 4, 4, 3, 3),
    (4, 3, 2, 4, 3, 3, 4, 2, 3),
    (3, 3, 3, 4, 4, 3, 4, 3, 2),
]
# By hand: the sums per unsur are 14 13 11 16 13 13 16 11 11, so the NRR are
# 3.5 3.25 2.75 4 3.25 3.25 4 2.75 2.75; their sum is 29.5; weighted 1/9 each: 3.2777...;
# x 25 = 81.9444... -> IKM 81.94, mutu B (Baik: 76.61-88.30).
HAND_SUMS = (14, 13, 11, 16, 13, 13, 16, 11, 11)
HAND_NRR = tuple(
    Decimal(v) for v in ("3.500", "3.250", "2.750", "4.000", "3.250", "3.250", "4.000", "2.750", "2.750")
)


class ScoringTests(SimpleTestCase):
    def test_nine_unsur_of_the_regulation_each_with_four_answers(self):
        self.assertEqual([u.code for u in scoring.UNSUR], [f"U{n}" for n in range(1, 10)])
        self.assertEqual(str(scoring.UNSUR[0].name), "Persyaratan")
        self.assertEqual(str(scoring.UNSUR[8].name), "Sarana dan prasarana")
        self.assertTrue(all(len(u.answers) == 4 for u in scoring.UNSUR))

    def test_worked_example_matches_the_hand_computation(self):
        result = scoring.score(SAMPLE)
        self.assertEqual(result.respondents, 4)
        self.assertEqual(result.sums, HAND_SUMS)
        self.assertEqual(result.nrr, HAND_NRR)
        self.assertEqual(result.nrr_tertimbang[0], Decimal("0.389"))  # 3.5 / 9
        self.assertEqual(result.ikm, Decimal("81.94"))
        self.assertEqual(result.mutu.letter, "B")
        self.assertEqual(str(result.mutu.label), "Baik")

    def test_extremes_are_100_and_25(self):
        self.assertEqual(scoring.score([(4,) * 9]).ikm, Decimal("100.00"))
        self.assertEqual(scoring.score([(4,) * 9]).mutu.letter, "A")
        self.assertEqual(scoring.score([(1,) * 9]).ikm, Decimal("25.00"))
        self.assertEqual(scoring.score([(1,) * 9]).mutu.letter, "D")

    def test_mutu_bands_at_their_edges(self):
        cases = {
            "100": "A", "88.31": "A", "88.30": "B", "76.61": "B", "76.60": "C",
            "65.00": "C", "64.99": "D", "25.00": "D",
        }  # fmt: skip
        for ikm, letter in cases.items():
            with self.subTest(ikm=ikm):
                self.assertEqual(scoring.mutu_for(Decimal(ikm)).letter, letter)
        with self.assertRaises(ValueError):
            scoring.mutu_for(Decimal("24.99"))

    def test_ikm_is_rounded_half_up_before_the_band_is_read(self):
        # 3 respondents: sums 10 everywhere but U1 = 11 -> NRR mean (11/3 + 8 * 10/3) / 9 = 91/27,
        # x 25 = 84.259... -> 84.26.
        result = scoring.compute([11] + [10] * 8, 3)
        self.assertEqual(result.ikm, Decimal("84.26"))

    def test_no_respondents_has_no_index(self):
        result = scoring.compute([0] * 9, 0)
        self.assertIsNone(result.ikm)
        self.assertIsNone(result.mutu)

    def test_answers_outside_one_to_four_are_refused(self):
        with self.assertRaises(ValueError):
            scoring.score([(5, 4, 4, 4, 4, 4, 4, 4, 4)])
        with self.assertRaises(ValueError):
            scoring.score([(4, 4, 4)])
