"""The law the minutes cite, and both parties' authority (issue 9).

Minutes cite the law in force on their signing day (the planned day, or the term's start, while they
are a draft): sending and signing are refused, naming the successor, when a cited document is not in
force that day, and when a clause names a law of a topic the library has nothing in force for."""

from django.conf import settings
from django.utils.translation import gettext as _

from agreements import placeholders
from agreements.models import LegalDocument
from agreements.models.agreement import Behalf
from partners.models import AuthorityDocument, Partner


def cited_document_problem(document, day):
    """Why `document` cannot be cited on `day` (None when it can). Successors come prefetched."""
    if document.in_force_on(day):
        return None
    values = {"document": document.short_citation(), "date": day.strftime("%d/%m/%Y")}
    start = document.in_force_from or document.issued_on
    if start and day < start:
        values["from"] = start.strftime("%d/%m/%Y")
        return _("%(document)s is in force only from %(from)s, after %(date)s.") % values
    successors = [s.short_citation() for s in document.successors.all()]
    values["until"] = document.in_force_until.strftime("%d/%m/%Y")
    if successors:
        values["successors"] = ", ".join(successors)
        return _("%(document)s is no longer in force on %(date)s (its last day was %(until)s): it is replaced by "
                 "%(successors)s.") % values
    return _("%(document)s is no longer in force on %(date)s (its last day was %(until)s).") % values


def basis_warnings(bases, day):
    """{basis pk: why it cannot be cited on `day`} for the bases taken from the library."""
    found = {}
    for basis in bases:
        if basis.legal_document_id:
            problem = cited_document_problem(basis.legal_document, day)
            if problem:
                found[basis.pk] = problem
    return found


def law_problems(agreement, day):
    """Cited documents not in force on `day`, and clause texts whose placeholders are unknown or
    name a topic with nothing in force on `day`."""
    bases = list(agreement.legal_bases.select_related("legal_document")
                 .prefetch_related("legal_document__successors").order_by("position", "pk"))
    yield from basis_warnings(bases, day).values()
    documents = list(LegalDocument.objects.citable_on(day))
    wanted = {}
    for number, clause in enumerate(agreement.clauses.order_by("position", "pk"), start=2):
        for problem in placeholders.text_problems(clause.text):
            yield _("Article %(n)s: %(problem)s") % {"n": number, "problem": problem}
        for topic in placeholders.law_topics_in(clause.text):
            wanted.setdefault(topic, number)
    for topic, number in wanted.items():
        if topic in LegalDocument.Topic.values and not placeholders.in_force(documents, topic, day):
            yield _("Article %(n)s cites the law on “%(topic)s”, but the library has no document on it in force on "
                    "%(date)s.") % {"n": number, "topic": LegalDocument.Topic(topic).label,
                                    "date": day.strftime("%d/%m/%Y")}


def authority_problems(agreement):
    """What lets each party sign must be among the legal bases, and each representative's form of address set."""
    bases = list(agreement.legal_bases.select_related("legal_document", "authority_document"))
    department = agreement.handing_department
    if not any(b.legal_document_id and b.legal_document.department_id == department.pk for b in bases):
        yield _("Cite among the legal bases what lets %(department)s act for the Ministry (the decision on its "
                "functions, the Minister's authorisation).") % {"department": department.name}
    if agreement.partner.kind == Partner.Kind.BRANCH and not any(
            b.authority_document_id and b.authority_document.partner_id == agreement.partner_id
            and b.authority_document.kind == AuthorityDocument.Kind.PARENT_AUTHORISATION for b in bases):
        yield _("%(partner)s is a branch: cite among the legal bases its parent legal entity's authorisation to "
                "sign (Civil Code, Article 84, clause 5).") % {"partner": agreement.partner.short_name}
    if not agreement.handing_honorific:
        yield _("Say how the minutes address the handing party's representative (Ông or Bà).")
    if not agreement.receiving_honorific:
        yield _("Say how the minutes address the receiving party's representative (Ông or Bà).")


# The forms in which a department signs for the Ministry (the handing party is the Ministry itself).
HANDING_FORMS = {Behalf.TL, Behalf.TL_KT, Behalf.TUQ}


def text_drift_problems(agreement, version, articles):
    """The clauses as printed on the signing day (`articles` of the minutes' context) must be the text the
    addressees were sent: a law cited by placeholder may change between the planned day and the signing day."""
    if version is None:
        return
    # Compared paragraph by paragraph: versions sent before placeholders existed kept the text as typed.
    sent = [[p.strip() for p in clause["text"].splitlines() if p.strip()]
            for clause in version.content.get("clauses", [])]
    if sent != [article["paragraphs"] for article in articles]:
        yield _("On %(date)s the clauses cite other law than %(version)s sent for review: return the minutes for "
                "revision and send them again, or sign on a day whose law is the same.") % {
            "date": agreement.signed_on.strftime("%d/%m/%Y"), "version": version.label}


def signing_form_problems(agreement):
    """The form of signing on behalf of each side, and the public address the signed copy prints."""
    sides = ((_("the handing party"), "handing"), (_("the receiving party"), "receiving"))
    for label, side in sides:
        form = getattr(agreement, f"{side}_sign_form")
        if form not in Behalf.values:
            yield _("Choose how %(side)s signs.") % {"side": label}
            continue
        if side == "handing" and form not in HANDING_FORMS:
            yield _("The Department signs for the Ministry: by order of the Minister (TL.), with its deputy head "
                    "signing for its head (TL. and KT.), or by the Minister's written authorisation (TUQ.) "
                    "(Decree 30/2020/NĐ-CP, Article 13).")
        if form and not getattr(agreement, f"{side}_signed_for").strip():
            yield _("Say on whose behalf %(side)s signs (e.g. “Bộ trưởng”, “Cục trưởng”).") % {"side": label}
        if form == Behalf.TL_KT and not getattr(agreement, f"{side}_signed_for_head").strip():
            yield _("Say for which head the deputy of %(side)s signs (e.g. “Cục trưởng”).") % {"side": label}
        if getattr(agreement, f"{side}_signatory").strip() and not getattr(agreement, f"{side}_signatory_honorific"):
            yield _("Say how the minutes address the signatory of %(side)s (Ông or Bà).") % {"side": label}
    if not public_address_ready():
        yield _("The public address of the verification page is not set (DJANGO_PUBLIC_BASE_URL): the signed copy "
                "must print the full address where anyone can check it.")


def public_address_ready():
    base = getattr(settings, "PUBLIC_BASE_URL", "") or ""
    return base.startswith(("https://", "http://")) and len(base.rstrip("/")) > len("https://")

