from django.urls import path

from .views import code, codebook, note, overview, queue

app_name = "coding"

urlpatterns = [
    path("<int:year>/<slug:part>/", overview.overview, name="overview"),
    path("<int:year>/<slug:part>/urval/", overview.sample, name="sample"),
    path("<int:year>/<slug:part>/kodbok/", codebook.codebook, name="codebook"),
    path(
        "<int:year>/<slug:part>/kodbok.<str:fmt>", codebook.codebook_export, name="codebook_export"
    ),
    path("<int:year>/<slug:part>/kodbok/import/", codebook.codebook_import, name="codebook_import"),
    path("<int:year>/<slug:part>/ko/", queue.queue, name="queue"),
    path("<int:year>/<slug:part>/ko/godta/", queue.accept_suggestions, name="accept_suggestions"),
    path("<int:year>/<slug:part>/ko/foresla/", queue.make_suggestions, name="make_suggestions"),
    path("<int:year>/<slug:part>/insats/<int:pk>/", code.code, name="code"),
    path("<int:year>/<slug:part>/insats/<int:pk>/anteckning/", note.note, name="note"),
]
