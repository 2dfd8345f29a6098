"""The published pages' content, rendered once per published version. A version is frozen, so
the part of a page that shows its figures and texts (the page's content, without the site's
header and menus) is the same HTML for every visitor who reads only published years (anonymous
visitors and reporters): it is kept in the cache and served from there. Analysts and county
coordinators are not served from it: their pages show forms, drafts and, before publication,
their own county's live figures.

The key holds the version, the page, its county and the language, and which years are
published since when (`publication_state`): a page also shows the previous year's published
figures and the trend over the published years, so publishing or unpublishing any year gives
every page a new key. `settings.PUBLISHED_PAGES_CACHED = False` renders every request (the
benchmark measures both).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ..models import StatusReport
from .access import reads_aggregates

CACHE_SECONDS = 24 * 3600


def publication_state():
    """A short digest of which years are published and when each was last published."""
    rows = (
        StatusReport.objects.filter(published=True)
        .order_by("agreement_id")
        .values_list("agreement_id", "published_at")
    )
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()[:16]


def served_from_cache(request, version):
    """Whether the request's page content may come from the cache: a published version, for a
    visitor who reads published years only."""
    return (
        version is not None
        and getattr(settings, "PUBLISHED_PAGES_CACHED", True)
        and not reads_aggregates(request.user)
    )


def content(request, version, page, template, make_context):
    """The page content's HTML: `template` rendered with `make_context()`, or for a published
    version and a public visitor the HTML rendered for the same `page` (a string naming the page
    and its county) of the same version before."""
    if not served_from_cache(request, version):
        return mark_safe(render_to_string(template, make_context(), request))  # noqa: S308
    key = f"published-page:{version.pk}:{page}:{get_language()}:{publication_state()}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(template, make_context(), request)
        cache.set(key, html, CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308
