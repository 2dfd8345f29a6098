"""The initiatives' workbench key (`models.WORKBENCH_KEY`) follows the rows it is copied from:
an organisation's kind and code, a pot's part."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from stimulans.funds.models import Pot
from stimulans.organisations.models import Organisation

from .models import Initiative


@receiver(post_save, sender=Organisation)
def organisation_saved(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return
    Initiative.objects.filter(report__organisation=instance).exclude(
        organisation_kind=instance.kind, organisation_code=instance.code
    ).update(organisation_kind=instance.kind, organisation_code=instance.code)


@receiver(post_save, sender=Pot)
def pot_saved(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return
    Initiative.objects.filter(report__pot=instance).exclude(part=instance.part_id).update(
        part=instance.part_id
    )
