"""Documents made once per version: the status report and fact sheets as Word, PDF or Excel,
rendered by a background job (`analysis.tasks`) and then served as files. A published
version's documents are rendered from its stored sections, and kept for good (versions
published before this kept their national documents on the version itself, served as they
are); a draft's are kept until `data_version` (or the date on its label) changes. Each is a
`StoredDocument` whose file (under `FOLDER` in the file storage, MEDIA_ROOT) is written once
when it is stored; the download streams it from there (`opened`), without reading it into
Python. Documents stored before the files keep their bytes in the row and are read from it.
A row whose file has gone missing is dropped when read, so the document is made again."""

import hashlib
import io
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from stimulans.funds.models import Agreement

from .data_version import data_version
from .lookups import AnalysisError
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
    # The key, once computed: a draft's reads `data_version` (one statement of two dozen
    # subqueries), and a download asks for it twice (the ETag, then the file).
    _key: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def slot(self):
        counties = sorted(self.counties) if self.counties is not None else None
        text = f"{self.agreement.year}|{self.county}|{self.fmt}|{counties}|{self.previous}"
        return hashlib.sha256(text.encode()).hexdigest()

    def key(self):
        """The document's key, under the data version read the first time it is asked for
        (`make` reads it before rendering: a change meanwhile makes the document stale)."""
        if self._key is None:
            if self.version is not None:
                stamp = f"version {self.version.pk}"
            else:
                stamp = f"draft {data_version(self.agreement.year)} {date.today().isoformat()}"
            self._key = hashlib.sha256(f"{self.slot}|{stamp}".encode()).hexdigest()
        return self._key


def source(user, agreement, county, fmt, draft):
    """The DocumentSource of a download (`draft`: the live figures of a published year)."""
    version = None if draft else published_version(agreement)
    scope = analysis_scope(user, agreement)
    previous = Agreement.objects.filter(year=agreement.year - 1).first()
    previous_scope = previous and analysis_scope(user, previous)
    readable = bool(previous_scope and previous_scope.allows(county))
    return DocumentSource(agreement, county, fmt, version, scope.counties, readable)


def public_source(agreement, fmt):
    """The DocumentSource of the national report as a visitor downloads it."""
    return source(AnonymousUser(), agreement, None, fmt, draft=False)


def holds(src):
    """Whether the version (if any) holds the county the document is of."""
    if src.version is None or src.county is None:
        return True
    return src.version.sections.filter(name=f"counties/{src.county}").exists()


FOLDER = "documents"


def stored(src):
    """The document's bytes if made already, else None."""
    f = opened(src)
    if f is None:
        return None
    with f:
        return f.read()


def opened(src):
    """The document open for reading (a file of the storage, or the bytes of a document stored
    before the files), or None if it is not made yet. A row whose file is missing from the
    storage is deleted: the document is then made again, as if never made."""
    if src.version is not None and src.county is None:
        made_at_publication = bytes(getattr(src.version, src.fmt))
        if made_at_publication:
            return io.BytesIO(made_at_publication)
    key = src.key()
    row = StoredDocument.objects.filter(key=key).values_list("file", "content").first()
    if row is None:
        return None
    name, content = row
    if not name:
        return io.BytesIO(bytes(content))  # stored before the files
    try:
        return default_storage.open(name, "rb")
    except FileNotFoundError:
        StoredDocument.objects.filter(key=key, file=name).delete()
        return None


def make(src):
    """Render the document and store it (replacing an older draft of the same slot), under the
    data version read before rendering: a change meanwhile makes it stale, not wrongly fresh."""
    key = src.key()
    data = report_data(src.agreement, src.county, src.counties, src.version, previous=src.previous)
    # The documents are Swedish publications, the same whoever asks first (the key has no
    # language).
    with translation.override(settings.LANGUAGE_CODE):
        content = render_document(data, src.fmt, src.version, _flowcharts(src))
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
    """Write the file, then the row (with the older draft of the slot removed) in one
    transaction; the files no row refers to any more are deleted after it."""
    try:
        saved = default_storage.save(
            f"{FOLDER}/{src.agreement.year}/{key}.{src.fmt}", ContentFile(content)
        )
    except OSError as exc:
        raise AnalysisError(
            _("Dokumentet kunde inte sparas som fil: %(err)s") % {"err": exc.strerror or exc}
        ) from exc
    try:
        with transaction.atomic():
            replaced = StoredDocument.objects.filter(key=key)
            if src.version is None:
                replaced = replaced | StoredDocument.objects.filter(slot=src.slot, version=None)
            stale = [n for n in replaced.values_list("file", flat=True) if n and n != saved]
            replaced.exclude(key=key).delete()
            StoredDocument.objects.update_or_create(
                key=key,
                defaults={
                    "agreement": src.agreement,
                    "version": src.version,
                    "slot": src.slot,
                    "file": saved,
                    "content": b"",
                },
            )
    except BaseException:
        default_storage.delete(saved)
        raise
    for name in stale:
        default_storage.delete(name)
