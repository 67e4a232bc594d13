from django.urls import path

from conditions import views

app_name = "conditions"
urlpatterns = [
    path("", views.conditionset_list, name="list"),
    path("new/", views.conditionset_create, name="create"),
    path("<int:pk>/", views.conditionset_detail, name="detail"),
    path("<int:pk>/edit/", views.conditionset_edit, name="edit"),
    path("<int:pk>/publish/", views.conditionset_publish, name="publish"),
    path("<int:pk>/conditions/new/", views.condition_edit, name="condition_add"),
    path("<int:pk>/conditions/<int:condition_pk>/edit/", views.condition_edit, name="condition_edit"),
    path("<int:pk>/conditions/<int:condition_pk>/remove/", views.condition_remove, name="condition_remove"),
    path("eligibility/", views.eligibility_overview, name="eligibility"),
    path("eligibility/<int:partner_pk>/", views.partner_eligibility, name="partner_eligibility"),
    path("eligibility/<int:partner_pk>/submit/<int:condition_pk>/", views.evidence_submit, name="submit"),
    path("assessment/", views.assessment_queue, name="queue"),
    path("evidence/<int:pk>/", views.evidence_detail, name="evidence"),
    path("evidence/<int:pk>/decide/", views.evidence_decide, name="decide"),
    path("evidence/<int:pk>/answer/", views.evidence_answer, name="answer"),
    path("evidence/files/<int:pk>/download/", views.evidence_file_download, name="download"),
]
