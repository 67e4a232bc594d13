"""The minutes as a PDF, and the public page where anyone checks a signed copy."""

from django import forms
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements import documents, pdf
from agreements.models import Agreement
from core.files import pdf_download


def minutes_pdf(request, pk):
    """A signed agreement answers with the bytes stored at signing; any other renders as a draft."""
    agreement = get_object_or_404(Agreement.objects.visible_to(request.user).select_related(
        "partner", "handing_department", "signed_copy"), pk=pk)
    signed = getattr(agreement, "signed_copy", None)
    if signed is not None:
        return pdf_download(request, data=bytes(signed.data), what="signed_minutes", object_id=agreement.pk,
                            filename=f"bien-ban-{agreement.number_and_symbol.replace('/', '-')}.pdf")
    return pdf_download(request, data=pdf.render_minutes(agreement, draft=True), what="draft_minutes",
                        object_id=agreement.pk, filename=f"du-thao-bien-ban-{agreement.pk}.pdf")


class VerifyForm(forms.Form):
    code = forms.CharField(label=_("Verification code or SHA-256 fingerprint"), required=False, max_length=80,
                           widget=forms.TextInput(attrs={"placeholder": "XXXX-XXXX-XXXX", "autocomplete": "off"}))
    file = forms.FileField(label=_("or the PDF file"), required=False)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None and upload.size > 20 * 1024 * 1024:
            self.add_error("file", _("The file is larger than 20 MB."))
        if not data.get("code") and upload is None:
            raise forms.ValidationError(_("Type the verification code printed on the minutes, or choose the file."))
        return data


@login_not_required
def verify(request):
    """Public: says only whether a copy is genuine, and if so what it is and whether it is in force today."""
    form = VerifyForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        if upload is not None:
            copy = documents.find_by_bytes(b"".join(upload.chunks()))
        else:
            copy = documents.find_by_code(form.cleaned_data["code"])
        result = {"genuine": copy is not None}
        if copy is not None:
            result.update(_public_facts(copy.agreement))
    return render(request, "agreements/verify.html", {"form": form, "result": result})


def _public_facts(agreement):
    today = timezone.localdate()
    if agreement.status == Agreement.Status.TERMINATED and agreement.terminated_on and agreement.terminated_on < today:
        state = _("Terminated on %(date)s") % {"date": agreement.terminated_on.strftime("%d/%m/%Y")}
    elif agreement.term_end < today:
        state = _("Term ended on %(date)s") % {"date": agreement.term_end.strftime("%d/%m/%Y")}
    elif agreement.term_start > today:
        state = _("Signed; in force from %(date)s") % {"date": agreement.term_start.strftime("%d/%m/%Y")}
    else:
        state = _("In force")
    handing = f"{_('Ministry of Health')} — {agreement.handing_department.name}"
    return {"number": agreement.number_and_symbol, "handing": handing,
            "receiving": agreement.partner.legal_name, "signed_on": agreement.signed_on, "state": state}
