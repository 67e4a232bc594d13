"""The agreement pages and the libraries run no more SQL queries with 50 rows than with 2."""

import itertools

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import ClauseTemplate, LegalDocument
from core.models import Province
from tests.core.page_queries import assert_flat
from tests.factories import DepartmentFactory, PartnerFactory, catalogue, current_province, draft

pytestmark = pytest.mark.django_db
counter = itertools.count(1)


def _drafts(n, **kwargs):
    rules = catalogue()
    for _ in range(n):
        draft(partner=kwargs.get("partner") or PartnerFactory(), condition_set=rules)


def _grow_text(agreement, by):
    """grow(n): n more legal bases, clauses and departments asked on the draft, through the edit service."""

    def grow(n):
        Row = services.Row
        numbers = [next(counter) for _ in range(n)]
        services.agreement_update(
            agreement=agreement, by=by,
            legal_bases=[Row(b.pk) for b in agreement.legal_bases.all()] + [
                Row(None, {"position": 10 + i, "kind": "decree", "citation": f"Nghị định {i}/2025/NĐ-CP"})
                for i in numbers],
            clauses=[Row(c.pk) for c in agreement.clauses.all()] + [
                Row(None, {"position": 10 + i, "section": "handing_party", "text": f"Khoản {i}"}) for i in numbers],
            review_requests=[Row(r.pk) for r in agreement.review_requests.all()] + [
                Row(None, {"department": DepartmentFactory(), "letter_number": f"{i}/CNTT"}) for i in numbers])

    return grow


def test_the_agreement_list_is_flat(login, drafter, django_assert_max_num_queries):
    assert_flat(login(drafter), reverse("agreements:list"), _drafts, django_assert_max_num_queries)


def test_a_partner_users_agreement_list_is_flat(login, vnpt, vnpt_user, django_assert_max_num_queries):
    assert_flat(login(vnpt_user), reverse("agreements:list"), lambda n: _drafts(n, partner=vnpt),
                django_assert_max_num_queries)


def test_the_agreement_page_is_flat_in_its_text_and_departments(login, drafter, django_assert_max_num_queries):
    agreement = draft(by=drafter)
    assert_flat(login(drafter), reverse("agreements:detail", args=[agreement.pk]), _grow_text(agreement, drafter),
                django_assert_max_num_queries)


def test_the_edit_page_is_flat_in_its_text_and_departments(login, drafter, django_assert_max_num_queries):
    agreement = draft(by=drafter)
    assert_flat(login(drafter), reverse("agreements:edit", args=[agreement.pk]), _grow_text(agreement, drafter),
                django_assert_max_num_queries)


def test_the_history_page_is_flat_in_changes_and_provinces(login, drafter, auditor, django_assert_max_num_queries):
    agreement = draft(by=drafter)
    others = iter(Province.objects.in_force_on(agreement.term_start).exclude(code="01"))

    def grow(n):
        for _ in range(n):
            i = next(counter)
            services.agreement_update(agreement=agreement, by=drafter, header={"software_version": f"2.{i}"},
                                      provinces=[current_province("01"), next(others)] if i % 2 else None)

    assert_flat(login(auditor), reverse("agreements:history", args=[agreement.pk]), grow,
                django_assert_max_num_queries)


def test_the_library_page_is_flat(login, drafter, django_assert_max_num_queries):
    def grow(n):
        for _ in range(n):
            i = next(counter)
            services.library_entry_save(by=drafter, entry=LegalDocument(), kind="decision", number=f"{i}/QĐ-BYT",
                                        issuer="Bộ trưởng Bộ Y tế")
            services.library_entry_save(by=drafter, entry=ClauseTemplate(), section="effect", heading=f"Hiệu lực {i}",
                                        text="…")

    assert_flat(login(drafter), reverse("agreements:library"), grow, django_assert_max_num_queries)
