"""Minutes of VNPT, signed or draft, covering three provinces so every one can be looked for."""

import pytest

from tests.factories import current_province, make_agreement, make_signed

PROVINCE_CODES = ("01", "22", "79")  # Hà Nội, Quảng Ninh, Hồ Chí Minh


@pytest.fixture
def provinces(db):
    return [current_province(code) for code in PROVINCE_CODES]


@pytest.fixture
def signed(drafter, vnpt, provinces):
    """01/BB-CNTT, signed on 20/12/2025, with its copy rendered and stored at signing."""
    return make_signed(by=drafter, partner=vnpt, provinces=provinces)


@pytest.fixture
def draft(drafter, vnpt, provinces):
    return make_agreement(by=drafter, partner=vnpt, provinces=provinces)


@pytest.fixture
def asked(monkeypatch):
    """Every URL WeasyPrint asks our fetcher for while the test runs."""
    from agreements import minutes_pdf as pdf

    urls = []
    original = pdf.AssetsOnlyFetcher.fetch

    def recording(self, url, headers=None):
        urls.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(pdf.AssetsOnlyFetcher, "fetch", recording)
    return urls
