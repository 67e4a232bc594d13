from django.urls import path

from portal import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("downloads/", views.download_list, name="downloads"),
    path("notices/", views.notice_list, name="notices"),
    path("notices/read/", views.notices_read, name="notices_read"),
]
