from django.urls import path

from agreements import views

app_name = "agreements"
urlpatterns = [
    path("", views.agreement_list, name="list"),
    path("new/", views.agreement_create, name="create"),
    path("<int:pk>/", views.agreement_detail, name="detail"),
    path("<int:pk>/edit/", views.agreement_edit, name="edit"),
    path("<int:pk>/standard-clauses/", views.add_standard_clauses, name="standard_clauses"),
    path("<int:pk>/history/", views.agreement_history, name="history"),
    path("<int:pk>/<slug:action>/confirm/", views.transition_confirm, name="confirm"),
    path("<int:pk>/<slug:action>/", views.transition, name="transition"),
]
