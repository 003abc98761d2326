from django.urls import path

from pages.views import api
from pages.views.about import about
from pages.views.browse import browse
from pages.views.company import company
from pages.views.compare import compare
from pages.views.diff import diff
from pages.views.history import history
from pages.views.report import report
from pages.views.version import version

urlpatterns = [
    path("", browse, name="browse"),
    path("about/", about, name="about"),
    path("compare/", compare, name="compare"),
    path("c/<slug:slug>/", company, name="company"),
    path("c/<slug:slug>/history/", history, name="history"),
    path("c/<slug:slug>/report/", report, name="report"),
    path("c/<slug:slug>/diff/", diff, name="diff"),
    path("c/<slug:slug>/v/<int:sequence>/", version, name="version"),
    path("api/companies.json", api.companies, name="api-companies"),
    path("api/c/<slug:slug>/card.json", api.card, name="api-card"),
    path("api/c/<slug:slug>/v/<int:sequence>.json", api.version, name="api-version"),
]
