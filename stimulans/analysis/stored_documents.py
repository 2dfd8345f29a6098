"""Documents made once per version: the status report and fact sheets as Word, PDF or Excel,
rendered by a background job (`analysis.tasks`) and then served from the database. A published
version's documents are rendered from its stored sections, and kept for good (versions
published before this kept their national documents on the version itself, served as they
are); a draft's are kept until `data_version` (or the date on its label) changes. Each is a
`StoredDocument`."""

import hashlib
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import translation

from stimulans.funds.models import Agreement

from .data_version import data_version
from .models import StatusReportVersion, StoredDocument
from .permissions import analysis_scope
from .snapshot import document_flowcharts, published_version, render_document, report_data


@dataclass
class DocumentSource:
    """What a document shows for a user: the version (None: the live draft) and scope."""

    agreement: Agreement
    county: str | None
    fmt: str
    version: StatusReportVersion | None
    counties: frozenset | None
    previous: bool

    @property
    def slot(self):
        counties = sorted(self.counties) if self.counties is not None else None
        text = f"{self.agreement.year}|{self.county}|{self.fmt}|{counties}|{self.previous}"
        return hashlib.sha256(text.encode()).hexdigest()

    def key(self):
        if self.version is not None:
            stamp = f"version {self.version.pk}"
        else:
            stamp = f"draft {data_version(self.agreement.year)} {date.today().isoformat()}"
        return hashlib.sha256(f"{self.slot}|{stamp}".encode()).hexdigest()


def source(user, agreement, county, fmt, draft):
    """The DocumentSource of a download (`draft`: the live figures of a published year)."""
    version = None if draft else published_version(agreement)
    scope = analysis_scope(user, agreement)
    previous = Agreement.objects.filter(year=agreement.year - 1).first()
    previous_scope = previous and analysis_scope(user, previous)
    readable = bool(previous_scope and previous_scope.allows(county))
    return DocumentSource(agreement, county, fmt, version, scope.counties, readable)


def holds(src):
    """Whether the version (if any) holds the county the document is of."""
    if src.version is None or src.county is None:
        return True
    return src.version.sections.filter(name=f"counties/{src.county}").exists()


def stored(src):
    """The document's bytes if made already, else None."""
    if src.version is not None and src.county is None:
        made_at_publication = bytes(getattr(src.version, src.fmt))
        if made_at_publication:
            return made_at_publication
    content = StoredDocument.objects.filter(key=src.key()).values_list("content", flat=True)
    return bytes(content[0]) if content else None


def make(src):
    """Render the document and store it (replacing an older draft of the same slot), under the
    data version read before rendering: a change meanwhile makes it stale, not wrongly fresh."""
    key = src.key()
    data = report_data(src.agreement, src.county, src.counties, src.version, previous=src.previous)
    # The documents are Swedish publications, the same whoever asks first (the key has no
    # language).
    with translation.override(settings.LANGUAGE_CODE):
        content = render_document(data, src.fmt, src.version, _flowcharts(src))
    with transaction.atomic():
        _store(src, key, content)
    return content


def _flowcharts(src):
    """The category flowcharts of the document, as `stimulans status-report` adds them: of the
    county, or (drawn live) of the counties the reader may see, or of the whole country."""
    county = src.county
    if county is None and src.version is None and src.counties is not None:
        county = sorted(src.counties)
    return document_flowcharts(src.agreement, county, src.version)


def _store(src, key, content):
    if src.version is None:
        StoredDocument.objects.filter(slot=src.slot, version=None).delete()
    StoredDocument.objects.update_or_create(
        key=key,
        defaults={
            "agreement": src.agreement,
            "version": src.version,
            "slot": src.slot,
            "content": content,
        },
    )
