"""A report's support needs flow in when it is saved as submitted or approved (after the
commit, so the submission's own transaction stays as it was). Imports that bypass `save`
are caught up by `stimulans sync-support-needs` or the national view's refresh."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from stimulans.reporting.models import Report


@receiver(post_save, sender=Report, dispatch_uid="support_report_needs")
def report_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.is_counted:
        return
    pk = instance.pk

    def sync():
        from .report_needs import sync_report

        report = Report.objects.filter(pk=pk).select_related("organisation", "pot__part").first()
        if report is not None:
            sync_report(report)

    transaction.on_commit(sync)
