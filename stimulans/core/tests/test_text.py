from stimulans.lib.text import is_digits, year_param
from stimulans.test import FundsTestCase


def test_is_digits_accepts_only_ascii_digits():
    assert is_digits("0180")
    for text in ("", "²", "٣", "1.5", "-1", " 1", "1e3"):
        assert not is_digits(text), text


def test_year_param():
    assert year_param("2020") == 2020
    for text in (None, "", "20", "20200", "²020", "abcd", "99999999999999999999"):
        assert year_param(text) is None, text


class OddQueryParametersTestCase(FundsTestCase):
    def test_pages_ignore_years_that_are_not_years(self):
        self.login(self.alice)
        for url in (
            "/redovisning/?ar=²",
            "/redovisning/?ar=abc",
            "/redovisning/?ar=99999999999",
            "/handlingsplaner/?ar=²",
            "/handlingsplaner/?ar=99999999999",
        ):
            self.assertIn(self.client.get(url).status_code, (200, 302), url)
        self.login(self.anna)
        for url in ("/handlingsplaner/oversikt/?ar=²", "/handlingsplaner/oversikt/?ar=123456"):
            self.assertEqual(self.client.get(url).status_code, 200, url)
