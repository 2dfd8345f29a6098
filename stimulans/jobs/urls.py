from django.urls import path

from . import views

app_name = "jobs"

urlpatterns = [
    path("<uuid:pk>/", views.job_page, name="job"),
    path("<uuid:pk>/framsteg/", views.job_progress, name="progress"),
]
