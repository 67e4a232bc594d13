from django.urls import path

from partners import views

app_name = "partners"
urlpatterns = [
    path("", views.partner_list, name="list"),
    path("new/", views.partner_create, name="create"),
    path("<int:pk>/", views.partner_detail, name="detail"),
    path("<int:pk>/edit/", views.partner_edit, name="edit"),
    path("<int:pk>/status/", views.partner_status, name="status"),
    path("<int:pk>/documents/new/", views.document_add, name="document_add"),
    path("<int:pk>/history/", views.partner_history, name="history"),
    path("<int:pk>/members/new/", views.member_add, name="member_add"),
    path("members/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("documents/<int:pk>/download/", views.document_download, name="document_download"),
]
