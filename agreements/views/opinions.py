"""The review round seen by its people: the addressee's inbox, recording an opinion, reading it with
its scanned letter, and the drafter's answers to its comments."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements import permissions, selectors, services
from agreements.forms import AnswerForm, CommentFormSet, OpinionForm
from agreements.models import Agreement, Comment, Opinion, ReviewRequest
from agreements.services.review import acts_for
from agreements.views.agreement import visible_agreement
from core.downloads import private_download
from core.exceptions import NotPermitted, Refused
from core.http import int_param
from core.models import DownloadRecord

MAX_COMMENT_ROWS = 60


def inbox(request):
    """What my department or unit is asked: pending, due within 3 days, overdue, answered."""
    if not permissions.may_record_opinion(request.user):
        raise PermissionDenied
    return render(request, "agreements/inbox.html", {"rows": selectors.inbox(request.user, timezone.localdate())})


def opinion_create(request, pk, request_pk):
    """The addressee records its opinion on the version it was sent; a second one corrects the first."""
    agreement = visible_agreement(request, pk, Agreement.objects.select_related("partner"))
    asked = get_object_or_404(ReviewRequest.objects.select_related("department", "version"),
                              pk=request_pk, agreement=agreement)
    asked.agreement = agreement
    if not acts_for(request.user, asked):
        raise PermissionDenied
    version = asked.version
    if agreement.status != Agreement.Status.REVIEW or version is None:
        # Not an error of the form: the minutes are not where an opinion can be given (a conflict).
        return render(request, "agreements/opinion_form.html", {"agreement": agreement, "asked": asked,
                                                                "closed": True}, status=200 if request.method == "GET"
                      else 409)
    earlier = selectors.current_opinion(asked)
    data = request.POST if request.method == "POST" else None
    form = OpinionForm(data, request.FILES or None, correcting=earlier is not None)
    rows = min(MAX_COMMENT_ROWS, int_param(request.GET.get("rows", "")) or 5)
    comments = CommentFormSet(data, prefix="comments", form_kwargs={"anchors": version.anchors()},
                              initial=None if data else [{}] * (rows - 5) if rows > 5 else None)
    if request.method == "POST" and form.is_valid() and comments.is_valid():
        said = [(f.cleaned_data.get("anchor", ""), f.cleaned_data.get("text", "")) for f in comments.forms
                if hasattr(f, "cleaned_data")]
        try:
            opinion = services.opinion_record(request=asked, by=request.user, comments=said, **form.cleaned_data)
        except NotPermitted:
            raise
        except Refused as refused:
            for reason in refused.reasons:
                form.add_error(None, reason)
        else:
            messages.success(request, _("The opinion of %(who)s is recorded.") % {"who": asked.addressee})
            return redirect("agreements:opinion", pk=agreement.pk, opinion_pk=opinion.pk)
    return render(request, "agreements/opinion_form.html", {
        "agreement": agreement, "asked": asked, "version": version, "form": form, "comments": comments,
        "earlier": earlier, "more_rows": min(MAX_COMMENT_ROWS, rows + 5)}, status=400 if request.method == "POST"
        else 200)


def _visible_opinion(request, pk, opinion_pk):
    """An opinion is read by Ministry staff and auditors, and by those acting for its addressee;
    to anyone else it does not exist."""
    agreement = visible_agreement(request, pk, Agreement.objects.select_related("partner"))
    opinion = get_object_or_404(Opinion.objects.select_related("request__department", "version", "recorded_by",
                                                               "supersedes", "superseded_by"),
                                pk=opinion_pk, request__agreement=agreement)
    opinion.request.agreement = agreement
    if not (permissions.can_read_all(request.user) or acts_for(request.user, opinion.request)):
        raise Http404
    return agreement, opinion


def opinion_detail(request, pk, opinion_pk):
    agreement, opinion = _visible_opinion(request, pk, opinion_pk)
    comments = list(opinion.comments.select_related("answer__by").order_by("position", "pk"))
    may_answer = permissions.can_draft(request.user) and agreement.status in (Agreement.Status.DRAFT,
                                                                               Agreement.Status.REVIEW)
    for comment in comments:
        comment.existing = getattr(comment, "answer", None) if _has_answer(comment) else None
        comment.form = AnswerForm(prefix=f"c{comment.pk}", initial={
            "kind": comment.existing.kind, "text": comment.existing.text} if comment.existing else None) \
            if may_answer else None
    return render(request, "agreements/opinion_detail.html", {
        "agreement": agreement, "opinion": opinion, "comments": comments, "may_answer": may_answer,
        "may_correct": acts_for(request.user, opinion.request) and opinion.version_id == opinion.request.version_id
        and agreement.status == Agreement.Status.REVIEW and not _superseded(opinion)})


def _has_answer(comment):
    try:
        return comment.answer is not None
    except Comment.answer.RelatedObjectDoesNotExist:
        return False


def _superseded(opinion):
    try:
        return opinion.superseded_by is not None
    except Opinion.superseded_by.RelatedObjectDoesNotExist:
        return False


def opinion_letter(request, pk, opinion_pk):
    """The scanned letter, to those who may read the opinion; each download recorded."""
    agreement, opinion = _visible_opinion(request, pk, opinion_pk)
    return private_download(request, field_file=opinion.letter, filename=opinion.letter_name,
                            what=DownloadRecord.What.OPINION_LETTER, object_id=opinion.pk,
                            scope=(agreement.partner_id, agreement.pk))


@require_POST
def comment_answer(request, pk, comment_pk):
    """The drafter's answer to one comment: taken in, or explained."""
    agreement = visible_agreement(request, pk)
    comment = get_object_or_404(Comment.objects.select_related("opinion"), pk=comment_pk,
                                opinion__request__agreement=agreement)
    if not permissions.can_draft(request.user):
        raise PermissionDenied
    form = AnswerForm(request.POST, prefix=f"c{comment.pk}")
    back = reverse("agreements:opinion", args=[agreement.pk, comment.opinion_id]) + f"#comment-{comment.pk}"
    if not form.is_valid():
        for field, errors in form.errors.items():
            for error in errors:
                messages.error(request, f"{form.fields[field].label}: {error}" if field in form.fields else error)
        return redirect(back)
    try:
        services.comment_answer(comment=comment, by=request.user, **form.cleaned_data)
    except NotPermitted:
        raise
    except Refused as refused:
        for reason in refused.reasons:
            messages.error(request, reason)
        return redirect(back)
    messages.success(request, _("Answer saved."))
    return redirect(back)
