from django.urls import path

from .views import branches

app_name = "reports"

urlpatterns = [
    path("", branches.home, name="home"),
    path("b/<slug:code>/", branches.branch_home, name="branch_home"),
]
