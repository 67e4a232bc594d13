from django.urls import path

from core.second_factor import views

app_name = "second_factor"
urlpatterns = [
    path("", views.verify, name="verify"),
    path("set-up/", views.enrol, name="enrol"),
    path("mine/", views.manage, name="manage"),
    path("mine/recovery-codes/", views.codes_renew, name="codes_renew"),
    path("mine/remove/", views.remove, name="remove"),
]
