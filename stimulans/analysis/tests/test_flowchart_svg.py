"""The flowcharts' markup: text large enough to read, never scaled down by the page, and no
word broken inside a box (the part's chain, `charts.flowchart_svg`, and a category's,
`flowchart_svg.category_flowchart_svg`)."""

import re
from html import unescape
from pathlib import Path

from django.test import SimpleTestCase

from stimulans.analysis import charts
from stimulans.analysis.flowchart_svg import INNER, category_flowchart_svg

SITE_CSS = Path(__file__).resolve().parents[2] / "static" / "stimulans" / "site.css"
# Long Swedish compounds, a hyphenated word and a word wider than any box.
LABEL = (
    "Samverkansöverenskommelser mellan kommunerna och regionens barn- och ungdomspsykiatri "
    "om covid-19-pandemins följder Psykiatrisamordningsfunktionsutvecklingsarbetet"
)
TEXT = re.compile(r"<text([^>]*)>([^<]*)</text>")


def texts(svg):
    return [(attrs, unescape(body)) for attrs, body in TEXT.findall(svg)]


class FlowchartMarkupTest(SimpleTestCase):
    def charts(self):
        part = charts.flowchart_svg(
            [("Resurser", ["1 234 567 kr"]), ("Aktiviteter", [LABEL]), ("Inriktning", [LABEL])]
        )
        category = category_flowchart_svg(
            {
                "title": "Kunskap och kompetens",
                "columns": [
                    {"title": "Aktiviteter", "groups": [{"id": 1, "label": LABEL, "actors": 3}]},
                    {"title": "Effekter", "groups": [{"id": 2, "label": "Färre", "actors": 1}]},
                ],
                "aims": LABEL,
                "links": [
                    {"from": 1, "to": 2, "quality": "target_group", "initiatives": 2},
                ],
            }
        )
        return {"part": part, "category": category}

    def test_the_text_is_large_enough_and_never_scaled_down(self):
        for name, svg in self.charts().items():
            with self.subTest(name):
                size = int(re.search(r'<svg [^>]*font-size="(\d+)"', svg)[1])
                self.assertGreaterEqual(size, 13)
                self.assertNotIn("font-size", "".join(attrs for attrs, _t in texts(svg)))
                self.assertIn('class="flowchart-svg"', svg)
        # The page shows the SVG at its own size (the figure scrolls): no max-width: 100 %.
        css = SITE_CSS.read_text(encoding="utf-8")
        self.assertRegex(css, r"svg\.flowchart-svg[^{]*\{[^}]*max-width:\s*none")

    def test_no_word_is_broken_inside_a_box(self):
        words = set(LABEL.split()) | {"1", "234", "567", "kr", "aktörer", "Färre", "aktör"}
        words |= {"Resurser", "Aktiviteter", "Inriktning", "Effekter", "3", "Målgruppsinriktad"}
        for name, svg in self.charts().items():
            with self.subTest(name):
                shown = [w for _a, t in texts(svg) for w in t.split()]
                broken = [w for w in shown if w.rstrip("…") not in words and len(w) > 3]
                legend = {"Verksamhetsinriktad", "Otillräcklig", "Inte", "kodad"}
                self.assertEqual([w for w in broken if w not in legend], [])
                self.assertIn("covid-19-pandemins", shown)  # not broken at its hyphens
                self.assertIn("Psykiatrisamordningsfunktionsutvecklingsarbetet", shown)

    def test_a_word_wider_than_its_box_is_squeezed_into_it(self):
        svg = self.charts()["category"]
        long_word = next(
            attrs
            for attrs, t in texts(svg)
            if t == "Psykiatrisamordningsfunktionsutvecklingsarbetet"
        )
        self.assertIn(f'textLength="{INNER}"', long_word)
        self.assertIn('lengthAdjust="spacingAndGlyphs"', long_word)
        # Lines that fit are left as they are and are no wider than the box.
        for line, fits in charts.fit_lines(LABEL, INNER):
            if fits:
                self.assertLessEqual(charts._font(charts.FLOW_FONT).getlength(line), INNER)

    def test_a_long_text_ends_after_a_whole_word_without_squeezing(self):
        svg = self.charts()["category"]
        last = [(attrs, t) for attrs, t in texts(svg) if t.endswith("…")]
        self.assertEqual(len(last), 1)  # the activity's label, cut after three lines
        attrs, line = last[0]
        self.assertNotIn("textLength", attrs)
        self.assertIn(line[:-1].split()[-1], LABEL.split())

    def test_the_png_for_documents_draws_the_same_lines(self):
        png = charts.flowchart_png([("Aktiviteter", [LABEL])])
        self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")
        self.assertEqual(int.from_bytes(png[16:20], "big"), 2 * (160 + 2))
