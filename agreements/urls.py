from django.urls import path, register_converter

from agreements.actions import ActionConverter
from agreements.views import (
                              agreement,
                              consolidation,
                              deployment,
                              library,
                              lifecycle,
                              minutes,
                              opinions,
                              refusal,
                              versions,
)

register_converter(ActionConverter, "action")

app_name = "agreements"
urlpatterns = [
    path("", agreement.agreement_list, name="list"),
    path("export.csv", agreement.agreement_export, {"fmt": "csv"}, name="export_csv"),
    path("export.xlsx", agreement.agreement_export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("partner-suggestions/", agreement.partner_suggestions, name="partner_suggestions"),
    path("new/", agreement.agreement_create, name="create"),
    path("inbox/", opinions.inbox, name="inbox"),
    path("library/", library.library_index, name="library"),
    path("library/<str:kind>/new/", library.library_entry, name="library_add"),
    path("library/<str:kind>/<int:pk>/", library.library_entry, name="library_edit"),
    path("<int:pk>/from-library/", library.add_from_library, name="add_from_library"),
    path("<int:pk>/", agreement.agreement_detail, name="detail"),
    path("<int:pk>/edit/", agreement.agreement_edit, name="edit"),
    path("<int:pk>/standard-clauses/", library.add_standard_clauses, name="standard_clauses"),
    path("<int:pk>/history/", agreement.agreement_history, name="history"),
    path("<int:pk>/pdf/", minutes.minutes_pdf, name="pdf"),
    path("<int:pk>/versions/<int:number>/", versions.version_detail, name="version"),
    path("<int:pk>/versions/<int:number>/pdf/", versions.version_pdf, name="version_pdf"),
    path("<int:pk>/changes/<int:since>/<int:to>/", versions.version_changes, name="changes"),
    path("<int:pk>/consolidation/", consolidation.consolidation_table, name="consolidation"),
    path("<int:pk>/consolidation/pdf/", consolidation.consolidation_pdf, name="consolidation_pdf"),
    path("<int:pk>/requests/<int:request_pk>/opinion/", opinions.opinion_create, name="opinion_create"),
    path("<int:pk>/opinions/<int:opinion_pk>/", opinions.opinion_detail, name="opinion"),
    path("<int:pk>/opinions/<int:opinion_pk>/letter/", opinions.opinion_letter, name="opinion_letter"),
    path("<int:pk>/comments/<int:comment_pk>/answer/", opinions.comment_answer, name="answer"),
    path("<int:pk>/deployment/", deployment.deployment_page, name="deployment"),
    path("<int:pk>/deployment/file/", deployment.report_create, name="deployment_file"),
    path("<int:pk>/deployment/period/", deployment.report_period, name="deployment_period"),
    path("<int:pk>/deployment/<int:report_pk>/", deployment.report_detail, name="deployment_report"),
    path("<int:pk>/deployment/<int:report_pk>/files/<int:file_pk>/", deployment.report_file_download,
         name="deployment_report_file"),
    path("<int:pk>/refusals/new/", refusal.refusal_create, name="refusal_create"),
    path("<int:pk>/refusals/<int:refusal_pk>/", refusal.refusal_detail, name="refusal"),
    path("<int:pk>/refusals/<int:refusal_pk>/accept/", refusal.refusal_decide, {"decision": "accept"},
         name="refusal_accept"),
    path("<int:pk>/refusals/<int:refusal_pk>/reject/", refusal.refusal_decide, {"decision": "reject"},
         name="refusal_reject"),
    path("<int:pk>/refusals/<int:refusal_pk>/files/<int:file_pk>/", refusal.refusal_file, name="refusal_file"),
    path("<int:pk>/<action:action>/confirm/", lifecycle.transition_confirm, name="confirm"),
    path("<int:pk>/<action:action>/", lifecycle.transition, name="transition"),
]
