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

For anonymous visitors the whole page is kept as well (`whole_page`): the site's frame holds
nothing of theirs but the CSRF token of the language switch, which is put into the stored bytes
on every request. Its key is the address, the language and the publication state, so a request
served from it reads one row per published year and nothing else.
`settings.PUBLISHED_WHOLE_PAGES_CACHED = False` keeps only the content (the benchmark measures
both).
"""

import hashlib
import secrets
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import connections, router
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ..models import StatusReport
from .access import reads_aggregates

CACHE_SECONDS = 24 * 3600


# database alias -> (SQL, parameters) of `publication_state`'s query
_state_queries: dict[str, tuple[str, tuple]] = {}


def publication_state():
    """A short digest of which years are published and when each was last published. Every
    cached request reads it, so the ORM builds its query once per database (building it cost
    more than running it, as for `accounts.backends.UserBackend`); the row values are digested
    as the database returns them."""
    alias = router.db_for_read(StatusReport)
    if alias not in _state_queries:
        rows = (
            StatusReport.objects.using(alias)
            .filter(published=True)
            .order_by("agreement_id")
            .values_list("agreement_id", "published_at")
        )
        _state_queries[alias] = rows.query.get_compiler(alias).as_sql()
    sql, params = _state_queries[alias]
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:16]


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


# Query parameters a cached whole page may have: the county of the part page. Any other
# parameter renders the page (an address no link makes is not worth a place in the cache).
PAGE_PARAMETERS = {"lan"}


def _page_key(request):
    """The cache key of the request's whole page, or None if it is not served from there: a
    GET by an anonymous visitor with no messages waiting, at a plain address."""
    if not (
        getattr(settings, "PUBLISHED_PAGES_CACHED", True)
        and getattr(settings, "PUBLISHED_WHOLE_PAGES_CACHED", True)
        and request.method == "GET"
        and not request.user.is_authenticated
        and set(request.GET) <= PAGE_PARAMETERS
        and all(len(request.GET.getlist(name)) == 1 for name in request.GET)
        and not len(messages.get_messages(request))
    ):
        return None
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"published-whole-page:{address}:{get_language()}:{publication_state()}"


def frame(request, version):
    """What the view adds to its page's context: while the page is being stored for later
    visitors (`whole_page`), a placeholder instead of the request's CSRF token."""
    placeholder = getattr(request, "_published_page_placeholder", None)
    if placeholder is None or version is None:
        return {}
    return {"csrf_token": placeholder}


def whole_page(view):
    """A published page's view whose whole page an anonymous visitor is served from the cache
    (see the module). The page is stored only when the view rendered it with `frame`'s
    placeholder (a published version) and answered 200; its bytes are kept split at the
    placeholder, and each request joins them with its own CSRF token."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        key = _page_key(request)
        if key is None:
            return view(request, *args, **kwargs)
        stored = cache.get(key)
        if stored is None:
            placeholder = secrets.token_hex(16)
            request._published_page_placeholder = placeholder
            response = view(request, *args, **kwargs)
            del request._published_page_placeholder
            if response.status_code != 200 or response.streaming:
                return response
            parts = response.content.split(placeholder.encode())
            if len(parts) == 1:  # not rendered with the placeholder: not a published version
                return response
            stored = (response["Content-Type"], parts)
            cache.set(key, stored, CACHE_SECONDS)
        content_type, parts = stored
        return HttpResponse(get_token(request).encode().join(parts), content_type=content_type)

    return wrapped
