from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Handover agreements")

    def ready(self):
        from agreements import search
        from agreements.models import Agreement
        from conditions.querysets import SET_KEEPERS

        # An agreement keeps the condition set it was judged under for its whole term: evidence may
        # still be submitted under that set while the agreement is in force, even once superseded.
        SET_KEEPERS.append(lambda day: Agreement.objects.in_force_on(day).values("condition_set"))
        self._audit_scopes()
        from agreements.models import DeploymentReportFile
        from core.uploads import counts_toward_partner_quota

        counts_toward_partner_quota(DeploymentReportFile, partner="report__agreement__partner_id")
        search.connect()
        from agreements.models import RefusalRequestFile
        from core.uploads import counts_toward_partner_quota

        counts_toward_partner_quota(RefusalRequestFile, partner="request__agreement__partner_id")
        from agreements.models import HandbackEvidence

        counts_toward_partner_quota(HandbackEvidence, partner="obligation__agreement__partner_id")

    @staticmethod
    def _audit_scopes():
        """Which partner and agreement each record belongs to, for the auditors' filters."""
        from core import audit

        def of(agreement):
            return (agreement.partner_id, agreement.pk) if agreement is not None else (None, None)

        audit.scope_for("agreements.agreement", of)
        for label in ("agreementprovince", "legalbasis", "clause", "reviewrequest", "statuschange",
                      "eligibilityflag", "agreementversion", "signedcopy", "deploymentreport"):
            audit.scope_for(f"agreements.{label}", lambda row: of(row.agreement))
        audit.scope_for("agreements.deploymentreportfile", lambda row: of(row.report.agreement))
        audit.scope_for("agreements.refusalrequest", lambda row: of(row.agreement))
        audit.scope_for("agreements.refusalprovince", lambda row: of(row.request.agreement))
        audit.scope_for("agreements.refusalrequestfile", lambda row: of(row.request.agreement))
        audit.scope_for("agreements.handbackobligation", lambda row: of(row.agreement))
        audit.scope_for("agreements.handbackevidence", lambda row: of(row.obligation.agreement))
        audit.scope_for("agreements.terminationminutes", lambda row: of(row.agreement))
        audit.scope_for("agreements.opinion", lambda row: of(row.version.agreement))
        audit.scope_for("agreements.comment", lambda row: of(row.opinion.version.agreement))
        audit.scope_for("agreements.answer", lambda row: of(row.comment.opinion.version.agreement))
        from agreements.integrity import signed_copy_problems, termination_minutes_problems

        audit.CHECKS.append(signed_copy_problems)
        audit.CHECKS.append(termination_minutes_problems)
