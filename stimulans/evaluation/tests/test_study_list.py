from stimulans.evaluation.models import EvaluationStudy

from .base import StudyTestCase

URL = "/utvardering/studier/"


class StudyListTests(StudyTestCase):
    def test_it_checks_ownership(self):
        pages = self.assertAccess(
            URL, allowed=[self.anna, self.adam], refused=[self.alice, self.cora, self.otto], ok=200
        )
        self.assertIn("Studie", pages[self.anna].content.decode())

    def test_it_creates_a_study_and_refuses_years_out_of_order(self):
        self.login(self.anna)
        data = {
            "title": "Ny studie",
            "question": "Fråga",
            "agency": "both",
            "parts": [self.part.pk],
            "unit_kind": "initiative",
            "start_year": 2021,
            "end_year": 2020,
        }
        response = self.client.post(URL, data)
        self.assertIn("Sista år kan inte vara före första år.", response.content.decode())
        self.assertFalse(EvaluationStudy.objects.filter(title="Ny studie").exists())
        response = self.client.post(URL, {**data, "end_year": 2023})
        self.assertEqual(response.status_code, 302, response.content)
        study = EvaluationStudy.objects.get(title="Ny studie")
        self.assertEqual(list(study.parts.all()), [self.part])
