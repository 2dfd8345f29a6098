from django.urls import reverse

from stimulans.plans.models import PlanComment

from .base import PlanTestCase


class PlanCommentTest(PlanTestCase):
    def test_it_checks_ownership(self):
        url = reverse("plans:plan_comment", args=[self.draft.pk])
        self.assertAccess(
            url,
            method="post",
            data={"body": "Synpunkt"},
            allowed=[self.alice, self.bob, self.regina, self.cora, self.adam],
            refused=[self.otto, self.charlie, self.anna],
        )
        self.assertEqual(
            set(PlanComment.objects.values_list("author__username", flat=True)),
            {"alice", "bob", "regina", "cora", "adam"},
        )
        # Published versions are not commented on.
        published = reverse("plans:plan_comment", args=[self.published.pk])
        self.assertAccess(
            published, method="post", data={"body": "Sent"}, refused=[self.alice, self.cora]
        )

    def test_the_comment_shows_on_the_draft(self):
        self.login(self.bob)
        response = self.client.post(
            reverse("plans:plan_comment", args=[self.draft.pk]),
            {"body": "Botkyrka vill lägga till skolnärvaro"},
            follow=True,
        )
        self.assertContains(response, "Botkyrka vill lägga till skolnärvaro")
        self.assertContains(response, "Din kommentar är sparad.")

    def test_an_empty_comment_is_refused(self):
        self.login(self.alice)
        response = self.client.post(
            reverse("plans:plan_comment", args=[self.draft.pk]), {"body": ""}, follow=True
        )
        self.assertContains(response, "Skriv en kommentar")
        self.assertFalse(PlanComment.objects.exists())
