"""The placeholders a clause text may hold, and nothing else in braces.

Two kinds. {partner}, {provinces}, {software}, {version}, {term_start} and {term_end} are the
agreement's own facts, kept in the draft's text and filled when the minutes are printed (and for good
at signing). {law:<topic>} names the law of that topic in force on the signing day (the planned day
while the minutes are a draft), resolved from the legal library when the minutes are printed: a
clause text never types a law's number, so it reads right whichever day it is signed."""

import re

from django.utils.translation import gettext as _

AGREEMENT_FACTS = ("partner", "provinces", "software", "version", "term_start", "term_end")
LAW_PREFIX = "law:"
TOKEN = re.compile(r"\{([^{}]*)\}")


def topics():
    from agreements.models import LegalDocument

    return LegalDocument.Topic


def text_problems(text):
    """What is wrong with the braces of `text`: an unknown placeholder, or a brace left open or alone."""
    problems = []
    for match in TOKEN.finditer(text):
        name = match.group(1)
        if name in AGREEMENT_FACTS:
            continue
        if name.startswith(LAW_PREFIX) and name[len(LAW_PREFIX):] in topics().values:
            continue
        problems.append(_("Unknown placeholder “%(token)s”. Use %(known)s.") % {
            "token": match.group(0), "known": known_list()})
    rest = TOKEN.sub("", text)
    for brace in re.finditer(r"[{}]", rest):
        start = max(brace.start() - 12, 0)
        problems.append(_("A brace is not closed or not opened: “%(around)s”.") % {
            "around": rest[start:brace.end() + 12].strip()})
    return problems


def known_list():
    facts = ", ".join("{%s}" % name for name in AGREEMENT_FACTS)
    laws = ", ".join("{%s%s}" % (LAW_PREFIX, topic) for topic in topics().values)
    return f"{facts} {_('or')} {laws}"


def law_topics_in(text):
    return [m.group(1)[len(LAW_PREFIX):] for m in TOKEN.finditer(text) if m.group(1).startswith(LAW_PREFIX)]


def fill(text, values, laws=None):
    """Replace the placeholders `values` names; anything else stays as written. `laws` ({topic: [citation,
    …]}, from law_citations) fills {law:<topic>}: placeholders joined by "," or "và" name each document
    once ("{law:cybersecurity} và {law:personal_data}" in 2019 is Law 86/2015 and Law 24/2018, not Law
    86/2015 twice), and a topic with nothing in force stays as written."""
    if laws is not None:
        text = LAW_RUN.sub(lambda match: _laws_named(match, laws), text)
    return TOKEN.sub(lambda match: str(values.get(match.group(1), match.group(0))), text)


LAW_RUN = re.compile(r"\{law:[a-z_]+\}(?:(?:, | và )\{law:[a-z_]+\})*")


def _laws_named(match, laws):
    topics = [m.group(1)[len(LAW_PREFIX):] for m in TOKEN.finditer(match.group(0))]
    if any(topic not in laws for topic in topics):
        return match.group(0)
    names = list(dict.fromkeys(name for topic in topics for name in laws[topic]))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


def fact_values(agreement, provinces=None):
    """The agreement's own facts (`provinces` in print order, if the caller has them)."""
    provinces = list(agreement.provinces.order_by("name")) if provinces is None else provinces
    return {
        "partner": agreement.partner.legal_name,
        "provinces": ", ".join(p.name for p in provinces) or "…",
        "software": agreement.software_name,
        "version": agreement.software_version,
        "term_start": agreement.term_start.strftime("%d/%m/%Y") if agreement.term_start else "…",
        "term_end": agreement.term_end.strftime("%d/%m/%Y") if agreement.term_end else "…",
    }


def in_force(documents, topic, day):
    """The documents that speak for `topic` on `day`: those whose own subject it is, or, when none
    is in force, those that also cover it (Law 86/2015 on personal information before 2023)."""
    alive = [d for d in documents if d.in_force_on(day) and topic in (d.topics or [])]
    own = [d for d in alive if d.topics[0] == topic]
    return own or alive


def law_citations(documents, day):
    """{topic: ["Luật … số …", "Nghị định số …"]} for every topic with a document in force on `day`."""
    found = {}
    for topic in topics().values:
        chosen = sorted(in_force(documents, topic, day), key=lambda d: (d.position, d.pk))
        if chosen:
            found[topic] = [d.short_citation() for d in chosen]
    return found


def printer(agreement, provinces=None):
    """A function giving a clause text as the minutes print it: the agreement's facts and the law citable
    on the day the minutes cite the law of (`provinces` in print order, if the caller has them)."""
    from agreements.models import LegalDocument

    day = agreement.law_day()
    facts = fact_values(agreement, provinces)
    laws = law_citations(list(LegalDocument.objects.citable_on(day)), day)
    return lambda text: fill(text, facts, laws)
