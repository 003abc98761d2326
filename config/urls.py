from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("feeds/", include("watch.urls")),
    path("", include("pages.urls")),
]

handler500 = "pages.views.errors.server_error"
