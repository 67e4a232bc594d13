"""Pages of the libraries: drafters keep the legal documents and standard clauses; a draft takes
entries from them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements import library
from agreements.forms import ClauseTemplateForm, LegalDocumentForm, LibraryPickForm
from agreements.models import Agreement, ClauseTemplate, LegalDocument
from core.exceptions import Refused, flash_refusal
from core.history import tracked_save

KINDS = {"documents": (LegalDocument, LegalDocumentForm), "clauses": (ClauseTemplate, ClauseTemplateForm)}


def _may_keep(user):
    if not user.has_perm("agreements.change_agreement"):
        raise PermissionDenied


def library_index(request):
    if not request.user.has_perm("agreements.view_agreement"):
        raise PermissionDenied
    return render(request, "agreements/library.html", {
        "documents": LegalDocument.objects.all(), "templates": ClauseTemplate.objects.all(),
        "can_keep": request.user.has_perm("agreements.change_agreement"),
    })


def library_entry(request, kind, pk=None):
    """Add or change one library entry. Entries are never deleted (minutes cite them): untick "offered"."""
    _may_keep(request.user)
    if kind not in KINDS:
        raise Http404
    model, form_class = KINDS[kind]
    entry = get_object_or_404(model, pk=pk) if pk else model()
    form = form_class(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        tracked_save(form.save(commit=False), by=request.user,
                     reason=_("Library entry changed") if pk else _("Library entry added"))
        messages.success(request, _("Library saved."))
        return redirect("agreements:library")
    return render(request, "agreements/library_entry.html", {"form": form, "entry": entry, "kind": kind})


@require_POST
def add_from_library(request, pk):
    agreement = get_object_or_404(Agreement.objects.visible_to(request.user), pk=pk)
    _may_keep(request.user)
    form = LibraryPickForm(request.POST, agreement=agreement)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("agreements:edit", pk=agreement.pk)
    try:
        added = library.agreement_add_from_library(agreement=agreement, by=request.user, **form.cleaned_data)
    except Refused as refused:
        flash_refusal(request, refused)
        return redirect(agreement)
    messages.success(request, _("%(n)d entries added from the library; edit them as needed.") % {"n": added})
    return redirect("agreements:edit", pk=agreement.pk)
