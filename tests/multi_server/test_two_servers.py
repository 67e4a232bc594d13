"""Two servers behind one proxy, one database, one bucket: a file sent to one is read from the other byte for byte,
and a signing sent to both at once signs once, the other refused with its reason."""

import os
import threading

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements.models import Agreement, SignedCopy, StatusChange
from conditions.models import EvidenceFile
from tests.factories import SIGNATORIES, agreed, condition_set, in_review
from tests.multi_server.conftest import Visitor, csrf_token

pytestmark = [pytest.mark.multi_server, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Past what Django keeps in memory (FILE_UPLOAD_MAX_MEMORY_SIZE): it goes through a temporary file, then the bucket.
SCAN = b"%PDF-1.4\n" + os.urandom(3 * 1024 * 1024) + b"\n%%EOF\n"


def test_a_file_uploaded_through_one_server_downloads_byte_for_byte_from_the_other(
        instances, bucket, vnpt, vnpt_user, assessor):
    a, b = instances
    condition = condition_set("PL-01").conditions.get()
    form = reverse("conditions:submit", args=[vnpt.pk, condition.pk])
    sent = Visitor(vnpt_user).post(a, form, form, {"statement": "Bản quét giấy phép"},
                                   files={"files": ("giay-phep.pdf", SCAN, "application/pdf")})
    assert sent.status_code == 302, sent.text
    item = EvidenceFile.objects.get()
    received = Visitor(assessor).get(b, reverse("conditions:download", args=[item.pk]))
    assert received.status_code == 200
    assert received.content == SCAN
    assert received.headers["Content-Disposition"] == 'attachment; filename="giay-phep.pdf"'
    assert (a.uploads(), b.uploads()) == ([], [])  # in the bucket alone


def test_the_other_server_refuses_the_file_to_an_outsider(instances, bucket, vnpt, vnpt_user, vietsens_user):
    a, b = instances
    condition = condition_set("PL-01").conditions.get()
    form = reverse("conditions:submit", args=[vnpt.pk, condition.pk])
    Visitor(vnpt_user).post(a, form, form, {"statement": "Bản quét"}, files={"files": ("x.pdf", SCAN)})
    item = EvidenceFile.objects.get()
    assert Visitor(vietsens_user).get(b, reverse("conditions:download", args=[item.pk])).status_code == 404


def test_a_signing_sent_to_both_servers_at_once_signs_once_and_the_other_is_told_why(
        instances, bucket, drafter, signer):
    agreement = agreed(in_review(by=drafter))
    signing = {"number": "9", "signed_on": timezone.localdate().strftime("%d/%m/%Y"), "reason": "", **SIGNATORIES}
    page = reverse("agreements:confirm", args=[agreement.pk, "sign"])
    post = reverse("agreements:transition", args=[agreement.pk, "sign"])
    visitor, answers, ready = Visitor(signer), {}, threading.Barrier(2)
    token = csrf_token(visitor.get(instances[0], page))  # the form open in two tabs, each served by another server

    def sign(instance):
        ready.wait(10)
        answers[instance.url] = visitor.http.post(instance.url + post, data={**signing, "csrfmiddlewaretoken": token},
                                                  allow_redirects=False, timeout=60)

    threads = [threading.Thread(target=sign, args=(instance,)) for instance in instances]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    codes = sorted(answer.status_code for answer in answers.values())
    assert codes == [302, 409]
    (refused,) = [answer for answer in answers.values() if answer.status_code == 409]
    assert "The agreement is already signed; someone else made this change." in refused.text
    assert Agreement.objects.get(pk=agreement.pk).status == Agreement.Status.SIGNED
    assert StatusChange.objects.filter(agreement=agreement, to_status="signed").count() == 1
    assert SignedCopy.objects.filter(agreement=agreement).count() == 1
