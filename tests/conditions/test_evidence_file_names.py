"""File names with a path or a control character.

Over HTTP, Django's multipart parser already strips directories and non-printable characters (and
an UploadedFile keeps only the base name), so the submit view is also called here with the names
as an attacker wrote them: the check by the files field is what stands if that parser lets one by."""

import re
from copy import copy
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.test.signals import template_rendered
from django.test.utils import ContextList
from django.urls import reverse
from django.utils import translation
from django.utils.datastructures import MultiValueDict

from conditions import views
from conditions.models import Evidence, EvidenceFile
from tests.pages import field_errors
from tests.samples import stored_files, upload

pytestmark = pytest.mark.django_db

BAD_NAMES = ["..\\..\\boot.ini.pdf", "a\x07.pdf", "bao\u202ecao.pdf", "a\x00.pdf"]


def _submit_as_named(user, partner, condition, *files):
    url = reverse("conditions:submit", args=[partner.pk, condition.pk])
    request = RequestFactory().post(url, {"statement": "Giấy chứng nhận"})
    request.user = user
    _ = request.POST  # parse the body first, then put the uploads in place as named
    request._files = MultiValueDict({"files": list(files)})
    rendered = ContextList()  # what the test client keeps as response.context, kept the same way

    def keep(sender, context, **kwargs):
        rendered.append(copy(context))

    template_rendered.connect(keep)
    try:
        with translation.override("en"):
            response = views.evidence_submit(request, partner_pk=partner.pk, condition_pk=condition.pk)
    finally:
        template_rendered.disconnect(keep)
    response.context = rendered
    return response


@pytest.mark.parametrize("name", BAD_NAMES)
def test_a_name_with_a_path_or_control_character_is_refused_by_the_files_field(vnpt, vnpt_user, codes, name):
    before = stored_files()
    response = _submit_as_named(vnpt_user, vnpt, codes["PL-01"], upload(name))
    assert response.status_code == 200
    [message] = field_errors(response, "files")
    assert message.endswith("The file name contains characters that are not allowed.")
    assert not Evidence.objects.exists() and not EvidenceFile.objects.exists()
    assert stored_files() == before


def test_the_refusal_does_not_echo_a_control_character_back(vnpt, vnpt_user, codes):
    response = _submit_as_named(vnpt_user, vnpt, codes["PL-01"], upload("a\x07.pdf"))
    assert "\x07" not in response.content.decode()


@pytest.mark.parametrize("sent, kept", [("../../escape.pdf", "escape.pdf"), ("a\x07.pdf", "a.pdf")])
def test_over_http_a_path_or_control_character_is_stripped_before_it_reaches_the_disk(login, vnpt, vnpt_user, codes,
                                                                                      sent, kept):
    boundary = "XyZ"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="statement"\r\n\r\nGiấy chứng nhận\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{sent}"\r\n'
            f"Content-Type: application/pdf\r\n\r\n").encode() + upload().read() + f"\r\n--{boundary}--\r\n".encode()
    before = stored_files()
    response = login(vnpt_user).post(reverse("conditions:submit", args=[vnpt.pk, codes["PL-01"].pk]), body,
                                       content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 302
    [item] = EvidenceFile.objects.all()
    assert item.original_name == kept
    [path] = stored_files() - before
    assert path.parent == Path(settings.PRIVATE_MEDIA_ROOT) / "evidence"
    assert re.fullmatch(r"[0-9a-f]{32}\.pdf", path.name)
