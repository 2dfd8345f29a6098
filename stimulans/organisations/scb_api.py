"""SCB's API for the statistical database (PxWebApi 2): the URL of a year's population by
region and single year of age, and fetching it. Used by `stimulans fetch-population`, which a
user runs; the product itself never calls out at run time."""

from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from django.conf import settings
from django.utils.translation import gettext as _

from stimulans.lib.numbers import thousands

# The table "Folkmängden efter region, civilstånd, ålder och kön. År 1968–" (BefolkningNy).
POPULATION_TABLE = "TAB638"


class FetchError(Exception):
    pass


def population_url(year: int, base_url: str | None = None) -> str:
    """Every region (the country, counties, municipalities) and age, one year, sexes and marital
    statuses left out (SCB sums them), as JSON-stat 2.0."""
    base = (base_url or settings.SCB_API_URL).rstrip("/")
    query = urlencode(
        [
            ("lang", "sv"),
            ("outputFormat", "json-stat2"),
            ("valueCodes[ContentsCode]", "BE0101N1"),
            ("valueCodes[Tid]", str(year)),
            ("valueCodes[Region]", "*"),
            ("valueCodes[Alder]", "*"),
        ]
    )
    return f"{base}/tables/{POPULATION_TABLE}/data?{query}"


def fetch_population(year: int, base_url: str | None = None, timeout: float = 60) -> bytes:
    url = population_url(year, base_url)
    limit = settings.MAX_IMPORT_BYTES
    request = Request(url, headers={"Accept": "application/json"})
    try:
        with urlopen(request, timeout=timeout) as response:  # noqa: S310 (http/https only)
            data = response.read(limit + 1)
    except URLError as exc:
        raise FetchError(
            _("SCB:s API svarade inte som väntat (%(url)s): %(error)s")
            % {"url": url, "error": getattr(exc, "reason", exc)}
        ) from exc
    except OSError as exc:
        raise FetchError(
            _("SCB:s API gick inte att nå (%(url)s): %(error)s") % {"url": url, "error": exc}
        ) from exc
    if len(data) > limit:
        raise FetchError(
            _("SCB:s svar är större än %(mb)s MB.") % {"mb": thousands(limit // 1024 // 1024)}
        )
    return data
