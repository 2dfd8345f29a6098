from django.contrib.auth import views as auth_views
from django.urls import path
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from . import oidc, password
from .views import audit_log, invitations, second_factor, sign_in, users

app_name = "accounts"

urlpatterns = [
    path("logga-in/", sign_in.LoginView.as_view(), name="login"),
    path("logga-in/organisation/", sign_in.organisation_sign_in, name="organisation_sign_in"),
    path(
        "oidc/start/",
        oidc.ProviderAuthenticationRequestView.as_view(),
        name="oidc_authenticate",
    ),
    path("oidc/callback/", OIDCAuthenticationCallbackView.as_view(), name="oidc_callback"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("inbjudningar/", invitations.invitation_list, name="invitations"),
    path("inbjudningar/<int:pk>/skicka-igen/", invitations.resend, name="resend_invitation"),
    path("inbjudningar/<int:pk>/aterkalla/", invitations.revoke, name="revoke_invitation"),
    path("inbjudningar/<int:pk>/godkann/", invitations.approve, name="approve_invitation"),
    path("inbjudan/<str:token>/", invitations.accept, name="accept_invitation"),
    path(
        "organisationer/<str:kind>/<str:code>/anvandare/",
        users.organisation_users,
        name="organisation_users",
    ),
    path(
        "anvandare/<int:pk>/inaktivera/",
        users.set_active,
        {"active": False},
        name="deactivate_user",
    ),
    path("anvandare/", users.national_users, name="national_users"),
    path("anvandare/<int:pk>/huvudanalytiker/", users.lead_analyst, name="lead_analyst"),
    path("anvandare/<int:pk>/aktivera/", users.set_active, {"active": True}, name="activate_user"),
    path("losenord/aterstall/", password.reset, name="password_reset"),
    path("losenord/aterstall/skickad/", password.reset_done, name="password_reset_done"),
    path("losenord/nytt/<uidb64>/<token>/", password.reset_confirm, name="password_reset_confirm"),
    path("losenord/nytt/klart/", password.reset_complete, name="password_reset_complete"),
    path("losenord/byt/", password.change, name="password_change"),
    path("losenord/byt/klart/", password.change_done, name="password_change_done"),
    path("tvafaktor/", second_factor.enrol, name="second_factor"),
    path("tvafaktor/verifiera/", second_factor.verify, name="verify_second_factor"),
    path("logg/", audit_log.audit_log, name="audit_log"),
]
