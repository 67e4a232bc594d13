from django.urls import path

from portal import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("audit/", views.audit_timeline, name="audit"),
    path("audit/export.csv", views.audit_export_csv, name="audit_csv"),
    path("audit/export.xlsx", views.audit_export_xlsx, name="audit_xlsx"),
    path("downloads/", views.download_list, name="downloads"),
    path("notices/", views.notice_list, name="notices"),
    path("notices/read/", views.notices_read, name="notices_read"),
]
