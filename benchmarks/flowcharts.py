"""Benchmark of the flowcharts (grouped texts of every category) at national scale. Run on
demand, not part of the test suite:

    .venv/bin/python benchmarks/flowcharts.py [--years 1] [--runs 3]

Generates the synthetic years of `benchmarks/analysis.py` (every organisation reports every pot
with about ten initiatives, every text different: the worst case for grouping) in a throw-away
SQLite database and measures `flowcharts(part)` for every part of the latest year, and the
part page's grouped effects alone. Prints the median and the individual timings."""

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analysis import generate, measure, setup  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        setup(Path(tmp) / "benchmark.sqlite3")
        from stimulans.analysis import grouping
        from stimulans.analysis.flowcharts import flowcharts, flowcharts_json
        from stimulans.reporting.models import Initiative

        agreements = generate(range(2021 - args.years, 2021))
        latest = agreements[-1]
        parts = list(latest.parts.all())
        print(f"{Initiative.objects.count()} initiatives, {len(parts)} parts in {latest.year}")

        def cold():
            grouping._cluster.cache_clear()
            grouping.text_key.cache_clear()
            cpu = time.process_time()
            [flowcharts(p) for p in parts]
            print(f"  (processor time {time.process_time() - cpu:.3f} s)")

        one = measure("Flowcharts of every part of one year, nothing cached", args.runs, cold)
        measure(
            "flowcharts_json of every part of one year, clusterings cached",
            args.runs,
            lambda: [flowcharts_json(p) for p in parts],
        )
        return 0 if one < 5 else 1


if __name__ == "__main__":
    sys.exit(main())
