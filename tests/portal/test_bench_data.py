"""make_bench_data (issue 12): a throwaway database of the measured shape, made in bulk. Tiny sizes here;
the counts come out as asked, it refuses where it must, and the site answers on what it made."""

import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from agreements.models import Agreement, AgreementProvince, Clause
from conditions.models import Evidence
from core.models import DownloadRecord
from partners.models import Membership, Partner
from tests.factories import draft

pytestmark = pytest.mark.django_db
SIZES = ["--partners", "3", "--agreements", "40", "--clauses", "120", "--evidence", "20", "--downloads", "10",
         "--history", "600", "--audit", "10"]


def make(*args):
    call_command("make_bench_data", "--i-know-this-is-not-production", *SIZES, *args, stdout=io.StringIO())


def history_rows():
    from simple_history.models import HistoricalChanges

    return sum(model.objects.count() for model in apps.get_models() if issubclass(model, HistoricalChanges))


def user(username):
    return get_user_model().objects.get(username=username)


def test_bench_data_has_the_sizes_asked():
    make()
    assert (Partner.objects.count(), Membership.objects.count()) == (3, 3)
    assert (Agreement.objects.count(), Clause.objects.count()) == (40, 120)
    assert (Evidence.objects.count(), DownloadRecord.objects.count()) == (20, 10)
    # and the history of the configuration saved one by one: two departments, the condition set, a staff profile
    assert history_rows() == 600 + 4
    assert set(Agreement.objects.values_list("status", flat=True)) == set(Agreement.Status.values)
    assert not Agreement.objects.filter(status="signed", number__isnull=True).exists()


def test_bench_data_uses_provinces_of_before_the_reorganisation_too():
    make()
    scope = AgreementProvince.objects.select_related("province")
    assert scope.filter(province__successor__isnull=False).exists()
    assert scope.filter(province__valid_from__isnull=False).exists()


def test_bench_data_is_refused_without_debug_or_the_flag(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="throwaway"):
        call_command("make_bench_data", *SIZES, stdout=io.StringIO())
    assert not Agreement.objects.exists()


def test_bench_data_is_refused_on_a_database_with_agreements_unless_appended():
    draft(complete=False)
    with pytest.raises(CommandError, match="--append"):
        make()
    make("--append")
    assert Agreement.objects.count() == 41


def test_a_bench_partner_user_sees_the_list_and_their_own_agreements_only(login):
    make()
    member = Membership.objects.select_related("user", "partner").order_by("pk").first()
    client = login(member.user)
    response = client.get(reverse("agreements:list"))
    assert response.status_code == 200
    shown = {a.partner_id for a in response.context["page"]}
    assert shown == {member.partner_id}
    own = Agreement.objects.filter(partner=member.partner, first_sent_at__isnull=False).first()
    other = Agreement.objects.exclude(partner=member.partner).filter(first_sent_at__isnull=False).first()
    assert client.get(reverse("agreements:detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("agreements:detail", args=[other.pk])).status_code == 404


@pytest.mark.parametrize("status", Agreement.Status.values)
def test_a_ministry_user_reads_the_list_and_an_agreement_in_each_status(login, status):
    make()
    client = login(user("bench-drafter"))
    assert client.get(reverse("agreements:list"), {"status": status}).status_code == 200
    agreement = Agreement.objects.filter(status=status).first()
    assert client.get(reverse("agreements:detail", args=[agreement.pk])).status_code == 200
    assert client.get(reverse("agreements:history", args=[agreement.pk])).status_code == 200
