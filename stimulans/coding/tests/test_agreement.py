"""Kappa and alpha against values computed by hand (and Krippendorff's own example)."""

from unittest import TestCase

from ..agreement import (
    cohen_kappa,
    coincidences,
    confusion_matrix,
    krippendorff_alpha,
    percentage_agreement,
)


def units_of(*coders):
    """Units from one list of codes per coder (None: missing)."""
    return [{f"c{i}": codes[u] for i, codes in enumerate(coders)} for u in range(len(coders[0]))]


class TwoCodersTest(TestCase):
    def test_perfect_agreement(self):
        a = ["x", "y", "z", "x"]
        self.assertEqual(cohen_kappa(list(zip(a, a, strict=True))), 1.0)
        self.assertEqual(krippendorff_alpha(units_of(a, a)), 1.0)
        self.assertEqual(percentage_agreement(units_of(a, a)), 1.0)

    def test_partial_agreement(self):
        # po = 3/4; pe = .5·.25 + .5·.75 = .5; kappa = (.75 - .5) / .5 = .5.
        a, b = ["a", "a", "b", "b"], ["a", "b", "b", "b"]
        self.assertAlmostEqual(cohen_kappa(list(zip(a, b, strict=True))), 0.5)
        # o_aa = 2, o_ab = o_ba = 1, o_bb = 4; n_a = 3, n_b = 5, n = 8;
        # alpha = 1 - 7 · 2 / (2 · 3 · 5) = 16/30.
        self.assertAlmostEqual(krippendorff_alpha(units_of(a, b)), 16 / 30)
        self.assertEqual(percentage_agreement(units_of(a, b)), 0.75)

    def test_chance_agreement(self):
        # po = .5 = pe: kappa 0; alpha = 1 - 7 · 4 / (2 · 4 · 4) = 1/8.
        a, b = ["a", "a", "b", "b"], ["a", "b", "a", "b"]
        self.assertAlmostEqual(cohen_kappa(list(zip(a, b, strict=True))), 0.0)
        self.assertAlmostEqual(krippendorff_alpha(units_of(a, b)), 0.125)

    def test_systematic_disagreement_is_below_zero(self):
        a, b = ["a", "b", "a", "b"], ["b", "a", "b", "a"]
        self.assertAlmostEqual(cohen_kappa(list(zip(a, b, strict=True))), -1.0)
        # o_ab = o_ba = 4, n_a = n_b = 4: alpha = 1 - 7 · 8 / 32 = -0.75.
        self.assertAlmostEqual(krippendorff_alpha(units_of(a, b)), -0.75)

    def test_undefined(self):
        self.assertIsNone(cohen_kappa([]))
        self.assertIsNone(cohen_kappa([("a", "a"), ("a", "a")]))  # pe = 1
        self.assertIsNone(krippendorff_alpha(units_of(["a", "a"], ["a", "a"])))
        self.assertIsNone(krippendorff_alpha([]))
        self.assertIsNone(percentage_agreement([{"c0": "a"}]))

    def test_missing_codes(self):
        # Units 3 and 4 have one code only and do not count: as units 1-2 alone.
        a, b = ["a", "b", "a", None], ["a", "a", None, "b"]
        self.assertAlmostEqual(cohen_kappa(list(zip(a, b, strict=True))), 0.0)
        # Pairable: (a, a), (b, a): o_aa = 2, o_ab = o_ba = 1; n_a = 3, n_b = 1, n = 4;
        # alpha = 1 - 3 · 2 / (2 · 3 · 1) = 0.
        self.assertAlmostEqual(krippendorff_alpha(units_of(a, b)), 0.0)
        self.assertEqual(percentage_agreement(units_of(a, b)), 0.5)

    def test_confusion_matrix(self):
        values, counts = confusion_matrix([("a", "a"), ("a", "b"), ("b", "b"), ("b", None)])
        self.assertEqual(values, ["a", "b"])
        self.assertEqual(dict(counts), {("a", "a"): 1, ("a", "b"): 1, ("b", "b"): 1})


class ManyCodersTest(TestCase):
    def test_krippendorffs_example(self):
        # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the nominal
        # example: 4 observers, 12 units, missing values; alpha = 0.743.
        n = None
        a = [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n]
        b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3]
        c = [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n]
        d = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n]
        self.assertAlmostEqual(krippendorff_alpha(units_of(a, b, c, d)), 0.743, places=3)

    def test_three_coders_by_hand(self):
        # One unit (a, a, b): pairs a-a twice, a-b twice, b-a twice, each weighted 1/2:
        # o_aa = 1, o_ab = o_ba = 1. Second unit (b, b): o_bb = 2.
        units = [{"x": "a", "y": "a", "z": "b"}, {"x": "b", "y": "b", "z": None}]
        matrix = coincidences(units)
        self.assertEqual(
            dict(matrix), {("a", "a"): 1.0, ("a", "b"): 1.0, ("b", "a"): 1.0, ("b", "b"): 2.0}
        )
        # n_a = 2, n_b = 3, n = 5: alpha = 1 - 4 · 2 / (2 · 2 · 3) = 1/3.
        self.assertAlmostEqual(krippendorff_alpha(units), 1 / 3)
        # Pairs: (a,a) agree, (a,b), (a,b) disagree, (b,b) agree: 2 of 4.
        self.assertEqual(percentage_agreement(units), 0.5)
