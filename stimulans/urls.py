from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("stimulans.core.urls")),
    path("konto/", include("stimulans.accounts.urls")),
    path("konto/saml2/", include("djangosaml2.urls")),  # Sweden Connect (accounts/saml.py)
    path("avtal/", include("stimulans.funds.urls")),
    path("organisationer/", include("stimulans.funds.organisation_urls")),
    path("redovisning/", include("stimulans.reporting.urls")),
    path("handlingsplaner/", include("stimulans.plans.urls")),
    path("stod/", include("stimulans.support.urls")),
    path("utvardering/", include("stimulans.evaluation.urls")),
    path("analys/", include("stimulans.analysis.urls")),
    path("kodning/", include("stimulans.coding.urls")),
    path("oppna-data/", include("stimulans.opendata.urls")),
    path("jobb/", include("stimulans.jobs.urls")),
    # The API, versioned; `/api/` stays an alias of `/api/v1/` for existing clients.
    path("api/v1/", include("stimulans.api.urls")),
    path("api/", include(("stimulans.api.urls", "api"), namespace="api-unversioned")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
