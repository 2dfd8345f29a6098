"""Agreement between coders, pure: percentage agreement, Cohen's kappa, Krippendorff's alpha
(nominal, missing codes allowed) and the confusion matrix.

`units` is a list of units (initiatives), each a dict {coder: value}; a value of None (or a
coder absent from the dict) is a missing code. Only units with at least two codes are
pairable; the others do not count."""

from collections import Counter
from itertools import permutations


def pairable(units):
    return [
        {c: v for c, v in unit.items() if v is not None}
        for unit in units
        if sum(v is not None for v in unit.values()) >= 2
    ]


def percentage_agreement(units):
    """The share of agreeing pairs of codes within the units (two coders: the share of units
    on which they agree). None without a pairable unit."""
    agree = total = 0
    for unit in pairable(units):
        values = list(unit.values())
        for i in range(len(values)):
            for j in range(i + 1, len(values)):
                total += 1
                agree += values[i] == values[j]
    return agree / total if total else None


def cohen_kappa(pairs):
    """Cohen's kappa of two coders over [(a, b)] (both coded). None where undefined: no pair,
    or chance agreement 1 (both used one and the same value throughout)."""
    pairs = [(a, b) for a, b in pairs if a is not None and b is not None]
    n = len(pairs)
    if not n:
        return None
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _b in pairs), Counter(b for _a, b in pairs)
    expected = sum(first[c] * second[c] for c in first) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def coincidences(units):
    """Krippendorff's coincidence matrix {(c, k): o_ck} of the pairable units."""
    matrix: Counter = Counter()
    for unit in pairable(units):
        values = list(unit.values())
        weight = 1 / (len(values) - 1)
        for a, b in permutations(values, 2):
            matrix[(a, b)] += weight
    return matrix


def krippendorff_alpha(units):
    """Krippendorff's alpha for nominal data: 1 - D_o / D_e over the coincidence matrix.
    None where undefined (no pairable unit, or a single value in all the codes)."""
    matrix = coincidences(units)
    totals: Counter = Counter()
    for (c, _k), o in matrix.items():
        totals[c] += o
    n = sum(totals.values())
    if n <= 1:
        return None
    disagree = sum(o for (c, k), o in matrix.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if not expected:
        return None
    return 1 - (n - 1) * disagree / expected


def confusion_matrix(pairs):
    """{(a, b): count} of two coders' codes, with the sorted values of both: (values, counts)."""
    pairs = [(a, b) for a, b in pairs if a is not None and b is not None]
    counts = Counter(pairs)
    values = sorted({v for pair in pairs for v in pair}, key=str)
    return values, counts
