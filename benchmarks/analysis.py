"""Benchmark of the analysis at national scale. Run on demand, not part of the test suite:

    .venv/bin/python benchmarks/analysis.py [--years 10] [--runs 5]

Builds a throw-away SQLite database (never the project's own), generates synthetic years in which
all 21 regions, 290 municipalities and 21 county recipients report every pot of the 2020 agreement
with about ten initiatives each (plus BUP and first-line measures from the regions), and measures:

- the full analysis of one year (every part, coverage, effects, quality flags and indicators):
  cold (the cache emptied first), warm (from the cache, keyed on the data version; target under
  50 ms), the data versions alone, and computed without the cache,
- the full analysis of all the generated years, cold and warm,
- the whole status report as PDF (WeasyPrint, tagged PDF/UA; target under ten seconds), as
  Word and as Excel for one year, as `stimulans status-report` writes them (analysis included).

Prints the median and the individual timings of each measurement.
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

WORDS = (
    "utbildning samverkan skolor personal suicidprevention handlingsplan barn unga brukare "
    "patienter tillgänglighet kompetens metod uppföljning första linjen mottagning region kommun "
    "stöd samordnare nätverk dialog workshop riktlinjer vårdprogram psykiatri digitala insatser"
).split()


class DisableMigrations(dict):
    """Create the tables straight from the models, as the test suite's --nomigrations does."""

    def __contains__(self, item):
        return True

    def __getitem__(self, item):
        return None


def setup(db_path):
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stimulans.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.MIGRATION_MODULES = DisableMigrations()
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, verbosity=0)


def text(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def generate(years, seed=2020):
    import yaml
    from django.db import transaction

    from stimulans.analysis.indicators import load_indicators
    from stimulans.funds.services import AGREEMENT_2020, load_agreement
    from stimulans.organisations.models import Organisation
    from stimulans.organisations.reference import load_organisations
    from stimulans.reporting.models import Initiative, MeasureValue, Report

    rng = random.Random(seed)
    load_organisations()
    load_indicators()
    data = yaml.safe_load(AGREEMENT_2020.read_text(encoding="utf-8"))
    orgs = {}
    for org in Organisation.objects.all():
        orgs.setdefault(org.kind, []).append(org)
    agreements = []
    measure_pairs = [(i["numerator"], i["denominator"]) for i in data["indicators"]]
    for year in years:
        data["agreement"]["year"] = year
        with transaction.atomic():
            agreement = load_agreement(data)
            agreements.append(agreement)
            reports = []
            for part in agreement.parts.all():
                for pot in part.pots.all():
                    for org in orgs[pot.recipient_kind]:
                        reports.append(
                            Report(
                                organisation=org,
                                pot=pot,
                                status=rng.choice(["submitted", "approved", "approved"]),
                                funds_used_sek=rng.randint(10_000, 5_000_000),
                            )
                        )
            reports = Report.objects.bulk_create(reports, batch_size=1000)
            categories = {}
            for report in reports:
                if report.pot_id not in categories:
                    categories[report.pot_id] = list(report.pot.categories.all())
            initiatives, values = [], []
            for report in reports:
                for n in range(rng.randint(8, 12)):
                    has_effects = rng.random() < 0.6
                    initiatives.append(
                        Initiative(
                            report=report,
                            identifier=f"{report.pk}-{n}",
                            order=n,
                            category=rng.choice(categories[report.pot_id] + [None] * 0),
                            title=text(rng, 4),
                            activities=text(rng, 20) if rng.random() < 0.95 else "",
                            goals=text(rng, 12) if rng.random() < 0.85 else "",
                            outputs=text(rng, 12) if rng.random() < 0.7 else "",
                            effects=text(rng, 15) if has_effects else "",
                            effect_level=rng.choice(["organisation", "target_group", ""]),
                            effect_measured=rng.random() < 0.3,
                            funds_sek=rng.randint(0, 1_000_000),
                            phase="implemented",
                            within_agreement=rng.random() < 0.95,
                        )
                    )
                if report.organisation.kind == "region" and report.pot.measures.exists():
                    for numerator, denominator in measure_pairs:
                        children = rng.randint(100, 5000)
                        values += [
                            MeasureValue(report=report, code=denominator, value=children),
                            MeasureValue(
                                report=report, code=numerator, value=rng.randint(0, children)
                            ),
                        ]
            Initiative.objects.bulk_create(initiatives, batch_size=2000)
            MeasureValue.objects.bulk_create(values, batch_size=2000)
    return agreements


def generate_answers(agreements, seed=2021):
    """The 2020 questionnaires on every generated year's pots, and an answer to every question
    outside the initiatives in every report (a choice, a few choices, a number or a sentence)."""
    import random

    from stimulans.funds.models import Pot
    from stimulans.reporting.models import Questionnaire, Report
    from stimulans.reporting.questionnaires.loader import QUESTIONNAIRE_DIR
    from stimulans.reporting.questions import (
        IN_ANSWERS,
        INTEGER,
        SELECT_MULTIPLE,
        SELECT_ONE,
        TEXT,
        report_questions,
    )
    from stimulans.reporting.xlsform import parse_xlsform

    rng = random.Random(seed)
    definitions = {
        path.stem: parse_xlsform(path.read_bytes(), path.name)
        for path in sorted((QUESTIONNAIRE_DIR / "2020").glob("*.xlsx"))
    }
    questions = {}
    forms = []
    for pot in Pot.objects.filter(part__agreement__in=agreements).select_related("part"):
        definition = definitions.get(f"{pot.part.slug}--{pot.recipient_kind}")
        if definition is None:
            continue
        forms.append(
            Questionnaire(pot=pot, title="", xlsform=b"", xlsform_name="", definition=definition)
        )
        questions[pot.pk] = [q for q in report_questions(definition, []) if q.store == IN_ANSWERS]
    Questionnaire.objects.bulk_create(forms)
    reports = list(Report.objects.filter(pot__in=list(questions)).only("pk", "pot_id"))
    for report in reports:
        answers = {}
        for q in questions[report.pot_id]:
            if q.type == SELECT_ONE:
                answers[q.name] = rng.choice(q.choice_names)
            elif q.type == SELECT_MULTIPLE:
                answers[q.name] = rng.sample(q.choice_names, rng.randint(1, len(q.choice_names)))
            elif q.type == INTEGER:
                answers[q.name] = str(rng.randint(0, 500))
            elif q.type == TEXT and rng.random() < 0.7:
                answers[q.name] = text(rng, 15)
        report.answers = answers
    Report.objects.bulk_update(reports, ["answers"], batch_size=500)
    return len(reports)


def measure(label, runs, fn):
    """The median wall-clock time of `fn` over `runs` runs; the processor time of the process
    is printed beside it (on a shared machine the wall clock also counts the waits for a core)."""
    timings, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        timings.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    median = statistics.median(timings)
    measure.cpu = statistics.median(cpu)
    print(
        f"{label}: median {median:.3f} s  ({', '.join(f'{t:.3f}' for t in timings)}); "
        f"processor time median {statistics.median(cpu):.3f} s"
    )
    return median


def publication(agreement, runs):
    """Publishing the year, and its public pages and JSON served from the published version
    against the minimal view (`/healthz/`), in process with the test client."""
    from django.conf import settings
    from django.test import Client

    from stimulans.analysis import snapshot

    settings.ALLOWED_HOSTS = ["*"]
    settings.SECOND_FACTOR_REQUIRED_ROLES = []  # the benchmark measures pages, not sign-in
    measure("Publishing one year (snapshot and documents)", 1, lambda: snapshot.publish(agreement))
    client = Client()
    year = agreement.year
    minimal = measure("Minimal view /healthz/", runs * 20, lambda: client.get("/healthz/"))
    minimal_cpu = measure.cpu

    def served_cpu(floor):
        return measure.cpu / floor if floor else float("nan")

    pages = (
        ("Published year report page", f"/analys/{year}/"),
        ("Published part page", f"/analys/{year}/del/suicidprevention/"),
        ("Published part page, one county", f"/analys/{year}/del/suicidprevention/?lan=01"),
        ("Published county fact sheet", f"/analys/{year}/lan/01/"),
    )
    # The pages' content rendered on every request (as before the cache of published pages),
    # then served from the cache (the first request, which renders and stores it, not counted).
    for label, url in pages:
        print(f"{label}: {len(client.get(url).content) / 1000:.0f} kB")
        settings.PUBLISHED_PAGES_CACHED = False
        served = measure(f"{label}, rendered each time", runs, lambda url=url: client.get(url))
        print(
            f"  {served / minimal:.0f} times the minimal view "
            f"({served_cpu(minimal_cpu):.0f} times in processor time)"
        )
        settings.PUBLISHED_PAGES_CACHED = True
        # The content from the cache, the frame rendered (anonymous visitors before the whole
        # page was kept), then the whole page from the cache.
        for whole, how in ((False, "content from the cache"), (True, "whole page from the cache")):
            settings.PUBLISHED_WHOLE_PAGES_CACHED = whole
            client.get(url)
            served = measure(f"{label}, {how}", runs * 20, lambda url=url: client.get(url))
            print(
                f"  {served / minimal:.1f} times the minimal view "
                f"({served_cpu(minimal_cpu):.1f} times in processor time; "
                f"{measure.cpu * 1000:.2f} ms against {minimal_cpu * 1000:.2f} ms)"
            )
    for label, url in (
        ("Published JSON, one part", f"/analys/api/{year}/del/suicidprevention/"),
        ("Published PDF download", f"/analys/{year}/lagesrapport.pdf"),
    ):
        served = measure(label, runs, lambda url=url: client.get(url))
        print(
            f"  {served / minimal:.0f} times the minimal view "
            f"({served_cpu(minimal_cpu):.0f} times in processor time)"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", metavar="DIR", help="Write the documents into DIR")
    parser.add_argument(
        "--skip-documents", action="store_true", help="Only the analysis, no documents or pages"
    )
    parser.add_argument(
        "--published-only",
        action="store_true",
        help="Measure only the publication and the published pages (of the latest year)",
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        setup(Path(tmp) / "benchmark.sqlite3")
        from stimulans.analysis.snapshot import render_document
        from stimulans.analysis.year_analysis import analyse_year
        from stimulans.organisations.models import Organisation
        from stimulans.reporting.models import Initiative, Report

        start = time.perf_counter()
        agreements = generate(range(2021 - args.years, 2021))
        print(
            f"Generated {len(agreements)} years: {Organisation.objects.count()} organisations, "
            f"{Report.objects.count()} reports, {Initiative.objects.count()} initiatives "
            f"in {time.perf_counter() - start:.1f} s"
        )
        start = time.perf_counter()
        answered = generate_answers(agreements)
        print(f"Answered {answered} reports' questionnaires in {time.perf_counter() - start:.1f} s")
        latest = agreements[-1]
        if args.published_only:
            publication(latest, args.runs)
            return 0
        from stimulans.analysis.answers import aggregate_answers

        measure(
            "Answers of one year (every part)",
            args.runs,
            lambda: aggregate_answers(latest.parts.all(), text_limit=10),
        )
        from django.core.cache import cache

        from stimulans.analysis.data_version import data_version
        from stimulans.analysis.models import QualityFlagSet
        from stimulans.analysis.year_analysis import compute_year

        def forget():
            """Empty the cache and the stored flags' versions: as after a change of data."""
            cache.clear()
            QualityFlagSet.objects.all().delete()

        def cold(agreement):
            forget()
            return analyse_year(agreement)

        one = measure(
            "Full analysis of one year, cold (cache emptied)", args.runs, lambda: cold(latest)
        )
        warm = measure(
            "Full analysis of one year, warm (cached)", args.runs * 4, lambda: analyse_year(latest)
        )
        measure(
            "  of which the data versions of the two years",
            args.runs * 4,
            lambda: (data_version(latest.year), data_version(latest.year - 1)),
        )
        measure(
            "Full analysis of one year, uncached (compute_year)",
            args.runs,
            lambda: compute_year(latest),
        )

        def all_years():
            forget()
            return [analyse_year(a) for a in agreements]

        ten = measure(
            f"Full analysis of {len(agreements)} years, cold",
            max(3, args.runs // 2),
            all_years,
        )
        measure(
            f"Full analysis of {len(agreements)} years, warm",
            max(3, args.runs // 2),
            lambda: [analyse_year(a) for a in agreements],
        )
        if args.skip_documents:
            ok = one < 1 and ten < 5 and warm < 0.05
            print("Targets (cold 1 s, 10 years 5 s, warm 50 ms):", "met" if ok else "NOT met")
            return 0 if ok else 1
        documents = {}

        def document(fmt):
            documents[fmt] = render_document(analyse_year(latest), fmt)

        import gc

        from stimulans.lib import printpdf

        # Before and after in the same run: the garbage collector's default thresholds while
        # WeasyPrint lays out (as before `printpdf.rare_full_collections`), then the rare full
        # collections the product uses.
        rare = printpdf.FULL_COLLECTION_THRESHOLD
        printpdf.FULL_COLLECTION_THRESHOLD = gc.get_threshold()[2]
        measure(
            "Status report as PDF (one year), default garbage collection",
            max(3, args.runs // 2),
            lambda: document("pdf"),
        )
        printpdf.FULL_COLLECTION_THRESHOLD = rare
        pdf = measure(
            "Status report as PDF (one year)", max(3, args.runs // 2), lambda: document("pdf")
        )
        for fmt, label in (("docx", "Word"), ("xlsx", "Excel")):
            measure(
                f"Status report as {label} (one year)",
                max(3, args.runs // 2),
                lambda fmt=fmt: document(fmt),
            )
        if args.keep:
            for fmt, content in documents.items():
                path = Path(args.keep) / f"lagesrapport-{latest.year}.{fmt}"
                path.write_bytes(content)
                print(f"Wrote {path} ({len(content) // 1024} kB)")
        publication(latest, args.runs)
        ok = one < 1 and ten < 5 and pdf < 10
        print("Targets (1 s, 5 s, 10 s):", "met" if ok else "NOT met")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
