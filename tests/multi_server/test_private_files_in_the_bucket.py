"""With PRIVATE_STORAGE=s3 the private files are objects of the bucket, private ones, never on this server's disk;
they still leave only through the permission-checked views, streamed by Django, never by a redirect to the
bucket; and the daily sweep walks the bucket as it walks the directory."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from conditions.models import EvidenceFile
from core import storage
from tests.factories import condition_set
from tests.samples import PDF, image_bytes, stored_files, upload

pytestmark = [pytest.mark.multi_server, pytest.mark.django_db]


@pytest.fixture
def evidence_file(bucket, login, vnpt, vnpt_user):
    condition = condition_set("PL-01").conditions.get()
    response = login(vnpt_user).post(reverse("conditions:submit", args=[vnpt.pk, condition.pk]), {
        "statement": "Giấy chứng nhận", "files": [upload("con-dau.png", image_bytes("PNG"), "image/png")]})
    assert response.status_code == 302
    return EvidenceFile.objects.get()


def test_an_uploaded_file_is_an_object_of_the_bucket_and_not_a_file_on_this_server(evidence_file, bucket, prefix):
    (kept,) = bucket.bucket.objects.filter(Prefix=prefix)
    assert kept.key == f"{prefix}{evidence_file.file.name}"
    assert kept.get()["Body"].read() == image_bytes("PNG")
    assert stored_files() == set()


def test_the_object_is_private(evidence_file, bucket, prefix):
    acl = bucket.connection.meta.client.get_object_acl(Bucket=bucket.bucket_name,
                                                       Key=f"{prefix}{evidence_file.file.name}")
    assert [grant["Permission"] for grant in acl["Grants"]] == ["FULL_CONTROL"]
    assert acl["Grants"][0]["Grantee"]["Type"] == "CanonicalUser"  # the owner's alone: no AllUsers, no AuthUsers


def test_a_download_is_streamed_by_the_view_never_redirected_to_the_bucket(evidence_file, login, assessor):
    response = login(assessor).get(reverse("conditions:download", args=[evidence_file.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == image_bytes("PNG")
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="con-dau.png"'


def test_an_outsider_cannot_download_it(evidence_file, login, vietsens_user):
    response = login(vietsens_user).get(reverse("conditions:download", args=[evidence_file.pk]))
    assert response.status_code == 404


def _sweep(*options):
    out = io.StringIO()
    call_command("sweep_private_files", *options, stdout=out)
    return out.getvalue()


def test_the_sweep_deletes_an_unreferenced_object_and_keeps_the_referenced(evidence_file, bucket, prefix,
                                                                           time_machine):
    orphan = bucket.save("evidence/left-behind.pdf", ContentFile(PDF))
    time_machine.move_to(timezone.now() + datetime.timedelta(minutes=61))
    output = _sweep()
    assert (bucket.exists(orphan), bucket.exists(evidence_file.file.name)) == (False, True)
    assert output == f"deleted 1 unreferenced file(s) under s3://{bucket.bucket_name}/{prefix.rstrip('/')}\n"


def test_the_sweep_spares_an_object_younger_than_min_age(bucket):
    orphan = bucket.save("evidence/committing.pdf", ContentFile(PDF))
    assert _sweep().startswith("deleted 0 ")
    assert bucket.exists(orphan)


def test_names_are_never_reused_in_the_bucket(bucket):
    first = bucket.save("evidence/same.pdf", ContentFile(PDF))
    second = bucket.save("evidence/same.pdf", ContentFile(b"%PDF-other"))
    assert first != second
    assert bucket.open(first).read() == PDF


def test_the_storage_switches_back_to_the_directory_when_the_setting_does(settings, bucket):
    assert storage.where().startswith("s3://")
    settings.STORAGES = {**settings.STORAGES, "private": settings.PRIVATE_STORAGE_BACKENDS["filesystem"]}
    assert storage.where() == str(settings.PRIVATE_MEDIA_ROOT)
