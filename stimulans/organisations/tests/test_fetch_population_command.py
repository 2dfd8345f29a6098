"""`stimulans fetch-population --year Y` against a real HTTP server on loopback that answers
with a recorded PxWebApi 2 response (written in SCB's JSON-stat 2.0 shape, `data/`)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import CommandError, call_command

from stimulans.organisations.models import PopulationDataset, PopulationFigure
from stimulans.test import BaseTestCase

RECORDED = (Path(__file__).parent / "data" / "befolkning_pxwebapi2.json").read_bytes()


class Handler(BaseHTTPRequestHandler):
    requests: list = []
    status = 200

    def do_GET(self):
        type(self).requests.append(self.path)
        body = RECORDED if self.status == 200 else b'{"title": "Not found", "status": 404}'
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.slow
class FetchPopulationCommandTestCase(BaseTestCase):
    @pytest.fixture(autouse=True)
    def _server(self, tmp_path):
        self.tmp_path = tmp_path
        Handler.requests = []
        Handler.status = 200
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        self.url = f"http://127.0.0.1:{server.server_address[1]}/api/v2"
        yield
        server.shutdown()
        server.server_close()

    def test_it_asks_scb_for_the_year_and_imports_the_answer(self):
        out = StringIO()
        saved = self.tmp_path / "scb.json"
        call_command(
            "fetch_population",
            "--year",
            "2019",
            "--url",
            self.url,
            "--save",
            str(saved),
            stdout=out,
        )
        (path,) = Handler.requests
        parts = urlsplit(path)
        self.assertEqual(parts.path, "/api/v2/tables/TAB638/data")
        self.assertEqual(
            parse_qs(parts.query),
            {
                "lang": ["sv"],
                "outputFormat": ["json-stat2"],
                "valueCodes[ContentsCode]": ["BE0101N1"],
                "valueCodes[Tid]": ["2019"],
                "valueCodes[Region]": ["*"],
                "valueCodes[Alder]": ["*"],
            },
        )
        # The recorded answer holds 2019 and 2020 (see test_population_formats).
        self.assertEqual(
            sorted(PopulationDataset.objects.values_list("year", flat=True)), [2019, 2020]
        )
        self.assertEqual(
            PopulationFigure.objects.get(dataset__year=2019, area_code="0180", age=17).count, 7900
        )
        self.assertIn("2019: 4 rader importerade.", out.getvalue())
        self.assertEqual(saved.read_bytes(), RECORDED)

    def test_an_error_answer_is_refused_with_status_2(self):
        Handler.status = 404
        with self.assertRaises(CommandError) as ctx:
            call_command("fetch_population", "--year", "2019", "--url", self.url)
        self.assertEqual(ctx.exception.returncode, 2)
        self.assertIn("SCB:s API svarade inte som väntat", str(ctx.exception))
        self.assertFalse(PopulationDataset.objects.exists())

    def test_an_unreachable_api_is_refused_with_status_2(self):
        with self.assertRaises(CommandError) as ctx:
            call_command("fetch_population", "--year", "2019", "--url", "http://127.0.0.1:9/x")
        self.assertEqual(ctx.exception.returncode, 2)
        self.assertFalse(PopulationDataset.objects.exists())
