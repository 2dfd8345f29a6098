"""The version label on every page of a published document (status report, fact sheets,
action plans): "Utkast 2026-12-01" while it is a draft, "Version 2, publicerad 2026-12-01"
once published. A bottom-layer module: it imports no app of the project."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _


def draft_label(today: datetime.date | None = None) -> str:
    """ "Utkast" and the date (today by default)."""
    return _("Utkast %(date)s") % {"date": (today or timezone.localdate()).isoformat()}


def published_label(version: int | None, published: datetime.date | datetime.datetime) -> str:
    """ "Version 2, publicerad 2026-12-01"; without a version number "Publicerad 2026-12-01"."""
    if isinstance(published, datetime.datetime):
        published = timezone.localtime(published).date()
    date = published.isoformat()
    if version is None:
        return _("Publicerad %(date)s") % {"date": date}
    return _("Version %(n)d, publicerad %(date)s") % {"n": version, "date": date}
