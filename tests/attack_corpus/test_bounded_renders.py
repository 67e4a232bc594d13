"""The attack corpus of issue 11, unbounded work: every GET of a draft's PDF rendered it anew (52 s of CPU with a
2.4 MB clause), with no cache and no limit. A PDF is now kept by the fingerprint of its HTML, and each person's
renders are counted: past the limit, 429 and a page saying when to try again; a kept PDF is still served."""

import io
import shutil

import pytest
from django.core.management import call_command
from django.urls import reverse

from agreements import minutes_pdf, pdf_cache, services
from tests.agreements.pdf_reading import download
from tests.factories import draft, in_review

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def renders(settings, tmp_path, monkeypatch, fresh_window):
    """The renders made, one HTML each, with a cache of this test's own."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    made, render = [], minutes_pdf.render_html
    monkeypatch.setattr(minutes_pdf, "render_html", lambda html: made.append(html) or render(html))
    return made


@pytest.fixture
def minutes(drafter, vnpt):
    return draft(by=drafter, partner=vnpt)


def retitled(agreement, by, title):
    return services.agreement_update(agreement=agreement, by=by, header={"title": title})


def test_the_second_get_of_an_unchanged_draft_renders_nothing_and_sends_the_same_pdf(login, drafter, minutes, renders):
    client = login(drafter)
    first, second = download(client, minutes), download(client, minutes)
    assert (first.status_code, second.status_code, len(renders)) == (200, 200, 1)
    assert second.content == first.content


def test_a_changed_draft_is_rendered_anew(login, drafter, minutes, renders):
    client = login(drafter)
    first = download(client, minutes)
    retitled(minutes, drafter, "Bàn giao quyền sử dụng, sửa đổi")
    assert download(client, minutes).content != first.content
    assert len(renders) == 2


def test_the_pdf_is_kept_privately_named_by_its_fingerprint(login, drafter, minutes, renders, tmp_path):
    download(login(drafter), minutes)
    (kept,) = (tmp_path / "pdf-cache").iterdir()
    assert kept.name == f"{pdf_cache.fingerprint(renders[0])}.pdf"
    assert kept.stat().st_mode & 0o777 == 0o600


def test_the_cache_keeps_at_most_its_bound_and_lets_the_least_recently_read_go(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_cache, "KEEP", 2)
    for html in ("<p>1</p>", "<p>2</p>", "<p>1</p>", "<p>3</p>"):
        pdf_cache.pdf_of(html)
    kept = {path.name for path in (tmp_path / "pdf-cache").iterdir()}
    assert kept == {f"{pdf_cache.fingerprint(html)}.pdf" for html in ("<p>1</p>", "<p>3</p>")}


def test_a_cache_that_cannot_be_written_still_sends_the_pdf(login, drafter, minutes, tmp_path):
    (tmp_path / "pdf-cache").write_bytes(b"")  # a file where the folder should be
    response = download(login(drafter), minutes)
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")


def test_the_daily_sweep_of_private_files_leaves_the_cache_alone(login, drafter, minutes, tmp_path):
    download(login(drafter), minutes)
    call_command("sweep_private_files", "--min-age", "0", stdout=io.StringIO())
    assert len(list((tmp_path / "pdf-cache").iterdir())) == 1


def test_renders_past_the_limit_answer_429_saying_when_to_try_again(login, drafter, minutes, monkeypatch, renders):
    monkeypatch.setattr(pdf_cache, "RENDERS", 2)
    client = login(drafter)
    assert download(client, minutes).status_code == 200
    retitled(minutes, drafter, "Lần hai")
    assert download(client, minutes).status_code == 200
    retitled(minutes, drafter, "Lần ba")
    refused = download(client, minutes)
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= pdf_cache.WINDOW
    assert "You have had 2 PDFs made in the last 10 minutes, as many as one person may." in refused.content.decode()
    assert len(renders) == 2


def test_a_kept_pdf_is_still_served_past_the_limit(login, drafter, minutes, monkeypatch):
    monkeypatch.setattr(pdf_cache, "RENDERS", 1)
    client = login(drafter)
    first = download(client, minutes)
    for _ in range(3):
        again = download(client, minutes)
        assert (again.status_code, again.content) == (200, first.content)


def test_one_person_over_the_limit_leaves_another_free_to_render(login, drafter, signer, minutes, monkeypatch):
    monkeypatch.setattr(pdf_cache, "RENDERS", 1)
    download(login(drafter), minutes)
    retitled(minutes, drafter, "Lần hai")
    assert download(login(drafter), minutes).status_code == 429
    assert download(login(signer), minutes).status_code == 200


@pytest.mark.parametrize("url", ["agreements:version_pdf", "agreements:consolidation_pdf"])
def test_a_version_sent_and_a_consolidation_table_are_kept_and_limited_too(login, drafter, vnpt, monkeypatch,
                                                                            renders, tmp_path, url):
    monkeypatch.setattr(pdf_cache, "RENDERS", 1)
    sent = in_review(by=drafter, partner=vnpt)
    client, address = login(drafter), reverse(url, args=[sent.pk, 1] if url.endswith("version_pdf") else [sent.pk])
    assert [client.get(address).status_code for _ in range(2)] == [200, 200]
    assert len(renders) == 1
    shutil.rmtree(tmp_path / "pdf-cache")
    assert client.get(address).status_code == 429
