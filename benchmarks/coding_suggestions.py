"""The coding suggestions on synthetic data, on demand (not in `make test`).

    .venv/bin/python benchmarks/coding_suggestions.py --initiatives 400 --runs 3

Builds a fresh SQLite database in a temporary directory with the reference organisations and
the 2020 agreement, and for one part (`--part`, default `suicidprevention`, the county pot)
`--initiatives` submitted initiatives whose texts are drawn from a vocabulary per category
(with Swedish inflections) mixed with words every category uses. Each initiative has a true
category; two simulated analysts code it, each choosing the true category with probability
`--accuracy` (default 0.85) and another category otherwise, independently. Analyst A's codes
are the final codings (InitiativeCoding).

Measured:
- **analysts**: percentage agreement and Cohen's kappa of analyst A and analyst B on the
  held-out initiatives (a fifth of them, drawn with a fixed seed);
- **model**: the model trained on A's codes of the other initiatives
  (`suggestions.train`), its suggested category on the held-out initiatives against A's code;
- **training**: the time of `Fitted(rows)` for the part (the model without cross-validation),
  median of `--runs`, wall clock and processor time; and of the 5-fold cross-validation the
  workbench shows;
- **suggestion**: the processor time of one suggestion (`Fitted.predict` of one initiative's
  text), median over the held-out initiatives.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COMMON = [
    "insats",
    "arbete",
    "verksamhet",
    "länet",
    "kommunerna",
    "regionen",
    "barn",
    "unga",
    "vuxna",
    "stöd",
    "utveckling",
    "under",
    "året",
    "genomfört",
    "planerat",
]
STEMS = {
    0: ["utbildning", "kurs", "kompetens", "föreläsning", "handledning", "personal", "lärare"],
    1: ["samordning", "nätverk", "projektledare", "samverkan", "styrgrupp", "aktörer", "möte"],
    2: ["kartläggning", "analys", "uppföljning", "statistik", "enkät", "data", "rapport"],
    3: ["information", "kampanj", "broschyr", "webbplats", "allmänheten", "film", "sociala"],
    4: ["metod", "screening", "vårdprogram", "rutin", "bedömning", "riskbedömning", "modell"],
}
ENDINGS = ["", "en", "ar", "arna", "er", "erna", "s", "et"]
# Effect level and link quality: a few words of their own in the goals.
LEVELS = {
    "organisation": ["personalen", "rutinerna", "organisationen", "verksamheten"],
    "target_group": ["brukarna", "patienterna", "deltagarna", "eleverna"],
}
LINKS = {
    "target_group": ["målgruppen", "effekt", "minskad"],
    "organisation": ["arbetssätt", "förbättrad", "struktur"],
    "insufficient": ["oklart", "senare", "vidare"],
}


def setup(directory):
    os.environ["DATABASE_URL"] = f"sqlite:///{directory / 'coding.sqlite3'}"
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stimulans.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from stimulans.funds.services import load_agreement_2020
    from stimulans.organisations.reference import load_organisations

    call_command("migrate", verbosity=0)
    load_organisations()
    return load_agreement_2020()


def text(rng, true):
    words = []
    for _ in range(rng.randint(8, 16)):
        if rng.random() < 0.45:
            words.append(rng.choice(STEMS[true]) + rng.choice(ENDINGS))
        elif rng.random() < 0.15:
            other = rng.choice([k for k in STEMS if k != true])
            words.append(rng.choice(STEMS[other]))
        else:
            words.append(rng.choice(COMMON))
    return " ".join(words).capitalize()


def code(rng, true, categories, accuracy):
    if rng.random() < accuracy:
        return categories[true]
    return rng.choice([c for i, c in enumerate(categories) if i != true])


def goals(rng, true, level, link):
    words = text(rng, true).split()
    words += [rng.choice(LEVELS[level]) for _ in range(2)]
    words += [rng.choice(LINKS[link]) for _ in range(2)]
    rng.shuffle(words)
    return " ".join(words)


def build(agreement, slug, count, accuracy):
    from stimulans.accounts.models import Role, User
    from stimulans.analysis.models import InitiativeCoding
    from stimulans.organisations.models import Organisation
    from stimulans.reporting.models import Initiative, Report

    part = agreement.parts.get(slug=slug)
    pot = part.pots.order_by("pk").first()
    categories = list(pot.categories.order_by("order"))[: len(STEMS)]
    analyst = User.objects.create(username="a", role=Role.ANALYST)
    orgs = list(Organisation.objects.filter(kind=pot.recipient_kind).order_by("code"))
    reports = [Report.objects.create(organisation=o, pot=pot, status="submitted") for o in orgs]
    rng = random.Random(1)
    truths, second = {}, {}
    levels, links = {}, {}
    initiatives = []
    for i in range(count):
        true = rng.randrange(len(categories))
        levels[i] = rng.choice(sorted(LEVELS))
        links[i] = rng.choice(sorted(LINKS))
        initiatives.append(
            Initiative(
                report=reports[i % len(reports)],
                identifier=f"I{i}",
                order=i,
                title=f"Insats {i}",
                activities=text(rng, true),
                goals=goals(rng, true, levels[i], links[i]),
            )
        )
        truths[i] = true
    Initiative.objects.bulk_create(initiatives)
    initiatives = list(Initiative.objects.filter(report__pot=pot).order_by("order"))
    held_out = set(random.Random(2).sample(range(count), count // 5))
    first = {}
    codings = []
    for i, initiative in enumerate(initiatives):
        first[i] = code(rng, truths[i], categories, accuracy)
        second[i] = code(rng, truths[i], categories, accuracy)
        if i not in held_out:
            codings.append(
                InitiativeCoding(
                    initiative=initiative,
                    category=first[i],
                    effect_level=levels[i]
                    if rng.random() < accuracy
                    else rng.choice([v for v in LEVELS if v != levels[i]]),
                    link_quality=links[i]
                    if rng.random() < accuracy
                    else rng.choice([v for v in LINKS if v != links[i]]),
                    coded_by=analyst,
                )
            )
    InitiativeCoding.objects.bulk_create(codings)
    return part, initiatives, held_out, first, second


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--initiatives", type=int, default=400)
    parser.add_argument("--part", default="suicidprevention")
    parser.add_argument("--accuracy", type=float, default=0.85)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        agreement = setup(Path(directory))
        from stimulans.coding import suggestions
        from stimulans.coding.agreement import cohen_kappa

        part, initiatives, held_out, first, second = build(
            agreement, args.part, args.initiatives, args.accuracy
        )
        pairs = [(first[i].slug, second[i].slug) for i in sorted(held_out)]
        analysts = sum(a == b for a, b in pairs) / len(pairs)
        rows = suggestions.training_rows(part)
        times, cpu = [], []
        for _ in range(args.runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            fitted = suggestions.Fitted(rows)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        started, started_cpu = time.perf_counter(), time.process_time()
        validated = suggestions.cross_validate(rows)
        cv_seconds = time.perf_counter() - started
        cv_cpu = time.process_time() - started_cpu
        predicted, predict_times = [], []
        for i in sorted(held_out):
            initiative = initiatives[i]
            item = suggestions.initiative_text(
                {f: getattr(initiative, f) for f in suggestions.TEXT_FIELDS}
            )
            started = time.process_time()
            result = fitted.predict(item)
            predict_times.append(time.process_time() - started)
            predicted.append((first[i].slug, result["category"][0]))
        model = sum(a == b for a, b in predicted) / len(predicted)
        print(
            f"initiatives: {args.initiatives} ({len(rows)} coded for training, "
            f"{len(held_out)} held out), analysts' accuracy {args.accuracy}"
        )
        print(
            f"analysts A vs B on held-out: agreement {analysts:.3f}, kappa {cohen_kappa(pairs):.3f}"
        )
        print(
            f"model vs analyst A on held-out: agreement {model:.3f}, "
            f"kappa {cohen_kappa(predicted):.3f}"
        )
        print(
            f"cross-validated (5 folds) category agreement: "
            f"{validated['category']['agreement']:.3f} in {cv_seconds:.2f} s "
            f"({cv_cpu:.2f} s processor time)"
        )
        print(
            f"training (median of {args.runs}): {statistics.median(times):.3f} s "
            f"({statistics.median(cpu):.3f} s processor time); the first run "
            f"{times[0]:.3f} s ({cpu[0]:.3f} s)"
        )
        print(
            f"one suggestion (median processor time): "
            f"{statistics.median(predict_times) * 1000:.1f} ms"
        )
        print(f"load average during the run: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
