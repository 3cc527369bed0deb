from django.contrib.auth import views as auth_views
from django.urls import path

from matchfair.web.accounts import views
from matchfair.web.security.trusted_devices import TrustingPasswordResetConfirmView

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "welcome/<uidb64>/<token>/",
        TrustingPasswordResetConfirmView.as_view(
            template_name="accounts/welcome.html", success_url="/login/"
        ),
        name="welcome",
    ),
]
