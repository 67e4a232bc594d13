from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from agreements.views.minutes import verify
from core.passwords import LoginForm, PasswordChangeForm

urlpatterns = [
    path("", include("portal.urls")),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=LoginForm),
         name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Changing one's password keeps this session and ends every other (Django's session hash).
    path("password/", auth_views.PasswordChangeView.as_view(form_class=PasswordChangeForm), name="password_change"),
    path("password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("second-factor/", include("core.second_factor.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("verify/", verify, name="verify"),
    path("partners/", include("partners.urls")),
    path("conditions/", include("conditions.urls")),
    path("agreements/", include("agreements.urls")),
    path("admin/", admin.site.urls),
]
