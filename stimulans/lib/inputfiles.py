"""The files that CLI imports read: refused, with exit status 2, when they cannot be read or are
larger than `settings.MAX_IMPORT_BYTES`, before anything is parsed."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

MB = 1024 * 1024


def read_import_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of `path`; reads at most one byte more than the limit, whatever the file is."""
    path = Path(path)
    limit: int = settings.MAX_IMPORT_BYTES
    try:
        with path.open("rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise CommandError(
            _("Filen %(path)s kan inte läsas: %(err)s") % {"path": path, "err": exc},
            returncode=2,
        ) from exc
    if len(data) > limit:
        raise CommandError(
            _("Filen ”%(name)s” är för stor (högst %(mb)d MB).")
            % {"name": path, "mb": limit // MB},
            returncode=2,
        )
    return data
