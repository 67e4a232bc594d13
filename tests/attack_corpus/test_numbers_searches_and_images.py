"""The attack corpus of issue 11: numbers too large for any id, in every list that reads one from its query
string; searches longer than anyone types; images too large to decode. Each attack once got through."""

import pytest
from django.urls import reverse

from core.http import MAX_ID, int_param
from tests.pages import field_errors

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"


@pytest.mark.parametrize("value,read", [("42", 42), (str(MAX_ID), MAX_ID), (str(MAX_ID + 1), None), (HUGE, None),
                                        ("²", None), ("-1", None), ("", None)])
def test_an_id_from_a_query_string_is_a_number_a_database_keeps_or_nothing(value, read):
    assert int_param(value) == read


@pytest.mark.parametrize("url", [
    reverse("agreements:list") + f"?partner={HUGE}",
    reverse("agreements:list") + f"?province={HUGE}",
    reverse("agreements:list") + f"?q={HUGE}/BB-CNTT",
    reverse("agreements:create") + f"?partner={HUGE}",
    reverse("audit") + f"?before={HUGE}",
], ids=["agreements by partner", "agreements by province", "agreements by number", "new draft for a partner",
        "audit page before"])
def test_a_number_too_large_for_an_id_answers_the_page_not_a_500(login, drafter, auditor, url):
    user = auditor if url.startswith("/audit/") else drafter
    assert login(user).get(url).status_code == 200


@pytest.mark.parametrize("url", [reverse("partners:list") + "?q=", reverse("downloads") + "?user="],
                         ids=["partners", "downloads"])
def test_a_search_longer_than_anyone_types_lists_nothing_and_says_why(login, drafter, url):
    response = login(drafter).get(url + "a" * 50_001)
    assert response.status_code == 200
    assert list(response.context["page"]) == []
    assert "A search is at most 200 characters: this one was not run." in [str(m) for m in response.context["messages"]]


def test_a_search_of_the_agreement_list_longer_than_anyone_types_is_answered_beside_its_field(login, drafter):
    response = login(drafter).get(reverse("agreements:list") + "?q=" + "a" * 50_001)
    assert response.status_code == 200
    assert list(response.context["page"]) == []
    assert field_errors(response, "q") == ["Ensure this value has at most 200 characters (it has 50001)."]


def test_a_search_of_ordinary_length_still_finds(login, drafter, vnpt):
    response = login(drafter).get(reverse("partners:list") + "?q=" + vnpt.short_name)
    assert [p.pk for p in response.context["page"]] == [vnpt.pk]


def _png(width, height):
    import io

    from PIL import Image

    data = io.BytesIO()
    Image.new("1", (width, height)).save(data, format="PNG")
    return data.getvalue()


def test_an_image_of_144_megapixels_is_refused_before_it_is_decoded():
    from django.core.exceptions import ValidationError

    from core.uploads import validate_upload
    from tests.samples import upload

    with pytest.raises(ValidationError, match="more than 40 megapixels"):
        validate_upload(upload("scan.png", _png(12_000, 12_000), "image/png"))


def test_an_image_of_a_scanned_page_is_accepted():
    from core.uploads import validate_upload
    from tests.samples import upload

    assert validate_upload(upload("scan.png", _png(4_960, 7_016), "image/png"))[0] == "image/png"  # A4, 600 dpi
