from stimulans.funds.models import Allocation, Requisition
from stimulans.test import FundsTestCase


class RequisitionCreateTestCase(FundsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.alloc = Allocation.objects.filter(organisation=cls.botkyrka).first()
        cls.url = f"/organisationer/municipality/0127/rekvirera/{cls.alloc.pk}/"

    def test_reporter_requisitions_part_then_the_rest(self):
        self.login(self.bob)
        r = self.client.post(self.url, {"amount_sek": 1000, "note": "Del 1"})
        self.assertRedirects(r, "/organisationer/municipality/0127/")
        r = self.client.post(
            self.url, {"amount_sek": self.alloc.amount_sek - 1000, "confirmed": "1"}
        )
        self.assertEqual(r.status_code, 302)
        self.assertEqual(
            sum(self.alloc.requisitions.values_list("amount_sek", flat=True)),
            self.alloc.amount_sek,
        )

    def test_requisitioning_the_whole_remaining_amount_asks_first(self):
        self.login(self.bob)
        self.client.post(self.url, {"amount_sek": 1000})
        rest = self.alloc.amount_sek - 1000
        page = self.client.post(self.url, {"amount_sek": rest, "note": "Resten"})
        self.assertContains(page, "Rekvirera hela det återstående beloppet?")
        self.assertContains(page, "Botkyrka kommun rekvirerar")
        self.assertContains(page, "hela det belopp som återstår")
        self.assertContains(page, "Kommentar: Resten")
        self.assertContains(
            page, f'<input type="hidden" name="amount_sek" value="{rest}">', html=True
        )
        self.assertContains(page, '<input type="hidden" name="note" value="Resten">', html=True)
        self.assertEqual(self.alloc.requisitions.count(), 1)
        r = self.client.post(self.url, {"amount_sek": rest, "note": "Resten", "confirmed": "1"})
        self.assertRedirects(r, "/organisationer/municipality/0127/")
        self.assertEqual(
            list(self.alloc.requisitions.order_by("pk").values_list("amount_sek", "note")),
            [(1000, ""), (rest, "Resten")],
        )

    def test_more_than_allocated_is_refused_with_a_message(self):
        self.login(self.bob)
        r = self.client.post(self.url, {"amount_sek": self.alloc.amount_sek + 1})
        self.assertContains(r, "återstår att rekvirera", status_code=400)
        r = self.client.post(self.url, {"amount_sek": "tusen"})
        self.assertContains(r, "heltal", status_code=400)
        self.assertFalse(Requisition.objects.exists())

    def test_it_checks_ownership(self):
        others = [self.alice, self.charlie, self.cora, self.anna, self.adam]
        self.assertAccess(
            self.url, refused=others, refused_status=403, method="post", data={"amount_sek": 1}
        )
        # The whole amount: refused before the confirmation page too.
        whole = {"amount_sek": self.alloc.amount_sek}
        self.assertAccess(self.url, refused=others, refused_status=403, method="post", data=whole)
        # Another organisation's allocation through one's own URL: 404.
        self.login(self.alice)
        r = self.client.post(
            f"/organisationer/municipality/0180/rekvirera/{self.alloc.pk}/", {"amount_sek": 1}
        )
        self.assertEqual(r.status_code, 404)
        self.assertFalse(Requisition.objects.exists())
