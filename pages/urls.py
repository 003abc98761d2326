from django.urls import path

from pages.views.about import about
from pages.views.browse import browse
from pages.views.company import company
from pages.views.compare import compare
from pages.views.diff import diff
from pages.views.history import history
from pages.views.version import version

urlpatterns = [
    path("", browse, name="browse"),
    path("about/", about, name="about"),
    path("compare/", compare, name="compare"),
    path("c/<slug:slug>/", company, name="company"),
    path("c/<slug:slug>/history/", history, name="history"),
    path("c/<slug:slug>/diff/", diff, name="diff"),
    path("c/<slug:slug>/v/<int:sequence>/", version, name="version"),
]
