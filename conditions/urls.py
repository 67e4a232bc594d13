from django.urls import path

from conditions import views

app_name = "conditions"
urlpatterns = [
    path("", views.conditionset_list, name="list"),
    path("<int:pk>/", views.conditionset_detail, name="detail"),
]
