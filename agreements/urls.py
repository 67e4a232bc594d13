from django.urls import path, register_converter

from agreements.actions import ActionConverter
from agreements.views import agreement, library, lifecycle, minutes

register_converter(ActionConverter, "action")

app_name = "agreements"
urlpatterns = [
    path("", agreement.agreement_list, name="list"),
    path("new/", agreement.agreement_create, name="create"),
    path("library/", library.library_index, name="library"),
    path("library/<str:kind>/new/", library.library_entry, name="library_add"),
    path("library/<str:kind>/<int:pk>/", library.library_entry, name="library_edit"),
    path("<int:pk>/from-library/", library.add_from_library, name="add_from_library"),
    path("<int:pk>/", agreement.agreement_detail, name="detail"),
    path("<int:pk>/edit/", agreement.agreement_edit, name="edit"),
    path("<int:pk>/standard-clauses/", library.add_standard_clauses, name="standard_clauses"),
    path("<int:pk>/history/", agreement.agreement_history, name="history"),
    path("<int:pk>/pdf/", minutes.minutes_pdf, name="pdf"),
    path("<int:pk>/<action:action>/confirm/", lifecycle.transition_confirm, name="confirm"),
    path("<int:pk>/<action:action>/", lifecycle.transition, name="transition"),
]
