import datetime

from django.test import SimpleTestCase

from stimulans.reporting.services import days_left_text


class DaysLeftTest(SimpleTestCase):
    def test_the_deadline_in_words(self):
        today = datetime.date(2021, 3, 20)
        self.assertEqual(days_left_text(datetime.date(2021, 3, 20), today), "i dag")
        self.assertEqual(days_left_text(datetime.date(2021, 3, 21), today), "om 1 dag")
        self.assertEqual(days_left_text(datetime.date(2021, 3, 31), today), "om 11 dagar")
        self.assertEqual(days_left_text(datetime.date(2021, 3, 19), today), "för 1 dag sedan")
        self.assertEqual(days_left_text(datetime.date(2021, 3, 1), today), "för 19 dagar sedan")
        self.assertEqual(days_left_text(None, today), "")
