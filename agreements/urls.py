from django.urls import path

from agreements import document_views, library_views, views

app_name = "agreements"
urlpatterns = [
    path("", views.agreement_list, name="list"),
    path("new/", views.agreement_create, name="create"),
    path("library/", library_views.library_index, name="library"),
    path("library/<str:kind>/new/", library_views.library_entry, name="library_add"),
    path("library/<str:kind>/<int:pk>/", library_views.library_entry, name="library_edit"),
    path("<int:pk>/from-library/", library_views.add_from_library, name="add_from_library"),
    path("<int:pk>/", views.agreement_detail, name="detail"),
    path("<int:pk>/edit/", views.agreement_edit, name="edit"),
    path("<int:pk>/standard-clauses/", views.add_standard_clauses, name="standard_clauses"),
    path("<int:pk>/history/", views.agreement_history, name="history"),
    path("<int:pk>/pdf/", document_views.minutes_pdf, name="pdf"),
    path("<int:pk>/<slug:action>/confirm/", views.transition_confirm, name="confirm"),
    path("<int:pk>/<slug:action>/", views.transition, name="transition"),
]
