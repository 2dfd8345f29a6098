from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import IsAuthenticated
from rest_framework.routers import DefaultRouter

from . import views
from .conventions import not_found

app_name = "api"

router = DefaultRouter()
router.register("allocations", views.AllocationViewSet, basename="allocation")
router.register("reports", views.ReportViewSet, basename="report")

urlpatterns = [
    path("", include(router.urls)),
    path(
        "schema/", SpectacularAPIView.as_view(permission_classes=[IsAuthenticated]), name="schema"
    ),
    path(
        "docs/",
        # Swagger UI from the product (drf-spectacular-sidecar), its start script a file of its
        # own (the split view) and no inline style: the Content-Security-Policy allows neither.
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema",
            permission_classes=[IsAuthenticated],
            template_name="api/swagger_ui.html",
        ),
        name="docs",
    ),
    # Any other path ending in a slash: 404 as problem details (paths without one are first
    # redirected to it by CommonMiddleware, as before).
    re_path(r"^.*/$", not_found),
]
