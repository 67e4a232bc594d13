"""Pages of the libraries: drafters keep the legal documents and standard clauses; a draft takes
entries from them."""

import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements import permissions, services
from agreements.forms import ClauseTemplateForm, LegalDocumentForm, LibraryPickForm
from agreements.models import ClauseTemplate, LegalDocument
from agreements.views.agreement import visible_agreement
from core.exceptions import Refused
from core.http import flash_refusal

KINDS = {"documents": (LegalDocument, LegalDocumentForm), "clauses": (ClauseTemplate, ClauseTemplateForm)}


def library_index(request):
    if not permissions.can_read_all(request.user):
        raise PermissionDenied
    return render(request, "agreements/library.html", {
        "documents": LegalDocument.objects.select_related("department").prefetch_related("successors"),
        "templates": ClauseTemplate.objects.all(),
        "can_keep": permissions.can_draft(request.user),
    })


def library_entry(request, kind, pk=None):
    """Add or change one library entry. Entries are never deleted (minutes cite them): untick "offered"."""
    if not permissions.can_draft(request.user):
        raise PermissionDenied
    if kind not in KINDS:
        raise Http404
    model, form_class = KINDS[kind]
    entry = get_object_or_404(model, pk=pk) if pk else model()
    form = form_class(request.POST or None, instance=copy.copy(entry))  # the service writes, not the form
    if request.method == "POST" and form.is_valid():
        try:
            services.library_entry_save(by=request.user, entry=entry, **form.cleaned_data)
        except Refused as refused:
            for reason in refused.reasons:
                form.add_error(None, reason)
        else:
            messages.success(request, _("Library saved."))
            return redirect("agreements:library")
    return render(request, "agreements/library_entry.html", {"form": form, "entry": entry, "kind": kind})


@require_POST
def add_from_library(request, pk):
    agreement = visible_agreement(request, pk)
    if not permissions.can_draft(request.user):
        raise PermissionDenied
    form = LibraryPickForm(request.POST, agreement=agreement)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("agreements:edit", pk=agreement.pk)
    try:
        added = services.agreement_add_from_library(agreement=agreement, by=request.user, **form.cleaned_data)
    except Refused as refused:
        flash_refusal(request, refused)
        return redirect(agreement)
    messages.success(request, _("%(n)d entries added from the library; edit them as needed.") % {"n": added})
    return redirect("agreements:edit", pk=agreement.pk)


@require_POST
def add_standard_clauses(request, pk):
    agreement = visible_agreement(request, pk)
    if not permissions.can_draft(request.user):
        raise PermissionDenied
    try:
        added = services.agreement_add_standard_clauses(agreement=agreement, by=request.user)
    except Refused as refused:
        flash_refusal(request, refused)
        return redirect(agreement)
    if added:
        messages.success(request, _("%(n)d standard clauses inserted; edit them as needed.") % {"n": added})
    else:
        messages.info(request, _("Every section already has a clause."))
    return redirect("agreements:edit", pk=agreement.pk)
