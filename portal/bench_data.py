"""Bench data of the shape issue 12 measured: partners with a member each, agreements in every status with
their provinces, clauses, legal bases and addressees, evidence, downloads, history rows and audit entries.

Written with bulk_create and INSERT … SELECT generate_series, past every service, guard and history receiver:
PostgreSQL only, and never in a database anyone keeps (see the command make_bench_data). Each fill adds rows
after those already there, so a database can be filled again with --append."""

import datetime
import math

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import connection, models
from django.utils import timezone

from agreements.models import Agreement, AgreementProvince, Clause, LegalBasis, ReviewRequest
from conditions.models import Condition, ConditionSet, Evidence
from core import roles
from core.models import AuditEntry, Department, DownloadRecord, Province, StaffProfile
from partners.models import Membership, Partner, PartnerUserObjectPermission

# Ministry accounts the bench logs in as (bench/pages.py), each with one role.
PERSONAS = {"bench-drafter": roles.DRAFTER, "bench-signer": roles.SIGNER, "bench-assessor": roles.ASSESSOR,
            "bench-auditor": roles.AUDITOR, "bench-reviewer": roles.REVIEWER}
ADMIN = "bench-admin"  # staff and superuser: the Django admin's changelist, for comparison

BRANDS = ["Hồng Hà", "Sao Việt", "Đông Á", "Phương Nam", "Trường Sơn", "Thăng Long", "Mê Kông", "Tây Nguyên",
          "Bắc Hà", "An Phát", "Minh Khôi", "Việt Tiến", "Lạc Hồng", "Hải Âu", "Ánh Dương", "Sông Đà", "Hoàng Long",
          "Bình Minh", "Nam Việt", "Hà Nội Số"]
SUBJECTS = [
    "Bàn giao quyền sử dụng Phần mềm Hồ sơ sức khỏe điện tử để triển khai tại",
    "Triển khai Hồ sơ sức khỏe điện tử cho các trạm y tế xã, phường tại",
    "Bàn giao quyền sử dụng phân hệ tiêm chủng mở rộng của Hồ sơ sức khỏe điện tử tại",
    "Kết nối, liên thông dữ liệu khám bệnh, chữa bệnh với Hồ sơ sức khỏe điện tử tại",
    "Mở rộng triển khai Hồ sơ sức khỏe điện tử đến các bệnh viện tuyến huyện của",
    "Chuyển đổi dữ liệu quản lý bệnh không lây nhiễm sang Hồ sơ sức khỏe điện tử tại",
]
CLAUSE_TEXTS = [
    "Bên giao giữ quyền sở hữu và quyền tác giả đối với Phần mềm; Bên nhận không được sao chép, chuyển giao "
    "hoặc cho bên thứ ba sử dụng Phần mềm ngoài phạm vi Biên bản này.",
    "Bên nhận bảo đảm an toàn thông tin mạng và bảo vệ dữ liệu cá nhân của người dân từ khâu nhập liệu, khai "
    "thác, sử dụng đến quản lý, lưu trữ, theo quy định của pháp luật về bảo vệ dữ liệu cá nhân.",
    "Bên nhận được từ chối quyền sử dụng khi Bên giao thay đổi điều kiện triển khai mà không thống nhất trước "
    "bằng văn bản; việc từ chối được thông báo trước ít nhất 30 ngày.",
    "Khi bỏ dở việc triển khai, Bên nhận bàn giao lại toàn bộ dữ liệu, hệ thống và tài liệu cho Sở Y tế trong "
    "thời hạn 15 ngày làm việc, không được giữ lại bản sao dữ liệu.",
]
IPS = ["10.0.0.1", "10.0.3.17", "172.16.4.2", "192.168.1.20"]


def sizes(scale=1.0, **given):
    """The data set's sizes: issue 12's at scale 1, each multiplied by `scale` unless given."""
    defaults = {"partners": 1_000, "agreements": 20_000, "clauses": 200_000, "evidence": 50_000,
                "downloads": 50_000, "history": 1_040_000, "audit": 100_000}
    return {name: given.get(name) if given.get(name) is not None else max(1, round(value * scale))
            for name, value in defaults.items()}


# --- INSERT … SELECT, whatever columns the models have today ---------------------------------------------

def _value_of(field, columns, params):
    """The SQL for one column: what the fill gives, else NULL or the field's default (as a parameter)."""
    if field.column in columns:
        return columns[field.column]
    if field.null:
        return "NULL"
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return "now()"
    if field.has_default() or (field.blank and field.empty_strings_allowed):  # a blank text is ""
        key = f"default_{field.column}"
        params[key] = field.get_db_prep_save(field.get_default(), connection)
        return f"%({key})s"
    raise ValueError(f"{field.model._meta.label}.{field.name} needs a value in the bench data.")


def insert_select(model, columns, source, params=None):
    """INSERT INTO model's table (every column) SELECT the given expressions FROM `source`; columns the fill
    does not name take NULL or their default, so a field added later needs no change here. Returns the row count."""
    params = dict(params or {})
    names, values = [], []
    for field in model._meta.concrete_fields:
        if field.primary_key and isinstance(field, models.AutoField) and field.column not in columns:
            continue
        names.append(connection.ops.quote_name(field.column))
        values.append(_value_of(field, columns, params))
    sql = (f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({', '.join(names)}) "
           f"SELECT {', '.join(values)} FROM {source}")
    for key, value in params.items():  # an array is sent as a literal: say of what
        if isinstance(value, list):
            kind = "bigint" if all(isinstance(v, int) for v in value) else "text"
            sql = sql.replace(f"%({key})s", f"(%({key})s::{kind}[])")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def copied(model, alias, **changed):
    """Every column of `model` read from the row `alias`, but those changed."""
    columns = {field.column: f"{alias}.{connection.ops.quote_name(field.column)}"
               for field in model._meta.concrete_fields}
    return {**columns, **changed}


def history_of(model, alias, *, kind, at, user, reason, **changed):
    """The columns of a history row of `model` as the row `alias` is (its values changed by `changed`)."""
    return {**copied(model, alias, **changed), "history_type": kind, "history_date": at,
            "history_user_id": user, "history_change_reason": reason}


# --- the fills --------------------------------------------------------------------------------------------

def people(password):
    """The Ministry personas and the admin account, made once: ({username: user}, the handing department,
    the department asked for opinions)."""
    User = get_user_model()
    hashed = make_password(password) if password else make_password(None)
    handing, _ = Department.objects.get_or_create(code="CNTT", defaults={"name": "Cục Công nghệ thông tin",
                                                                        "is_handing_unit": True})
    reviewing, _ = Department.objects.get_or_create(code="KHĐT", defaults={"name": "Cục Khoa học công nghệ và Đào tạo"})
    made = {}
    for username, role in PERSONAS.items():
        user, created = User.objects.get_or_create(username=username, defaults={"password": hashed})
        if created:
            user.groups.set([Group.objects.get(name=role)])
            if role == roles.REVIEWER:
                StaffProfile.objects.create(user=user, department=reviewing)
        made[username] = user
    admin, created = User.objects.get_or_create(username=ADMIN, defaults={
        "password": hashed, "is_staff": True, "is_superuser": True})
    if created:
        admin.groups.set([Group.objects.get(name=roles.ADMINISTRATOR)])
    made[ADMIN] = admin
    return made, handing, reviewing


def catalogue():
    """The condition set in force today, or a published one of ten conditions made now."""
    today = timezone.localdate()
    found = ConditionSet.objects.in_force_on(today)
    if found is not None:
        return found
    version = (ConditionSet.objects.aggregate(v=models.Max("version"))["v"] or 0) + 1
    made = ConditionSet.objects.create(version=version, title="Điều kiện cần và đủ tham gia triển khai",
                                       effective_from=datetime.date(2024, 1, 1), decision_number="5120/QĐ-BYT",
                                       decision_date=datetime.date(2023, 12, 20),
                                       status=ConditionSet.Status.PUBLISHED, published_at=timezone.now())
    categories = Condition.Category.values
    Condition.objects.bulk_create([
        Condition(condition_set=made, code=f"DK-{i:02d}", title=f"Điều kiện số {i} về năng lực triển khai",
                  category=categories[i % len(categories)], mandatory=i <= 8, validity_months=24, position=i)
        for i in range(1, 11)])
    return made


def partners(count, password):
    """`count` partner units, each with one member holding the partner role and the unit's object permissions.
    Returns the new partners' and members' ids, in the same order."""
    User = get_user_model()
    start = Partner.objects.count()
    made = Partner.objects.bulk_create([
        Partner(legal_name=f"Công ty Cổ phần Công nghệ {BRANDS[n % len(BRANDS)]} {n:04d}",
                short_name=f"{BRANDS[n % len(BRANDS)]} {n:04d}", kind=Partner.Kind.JOINT_STOCK,
                tax_code=f"{9_000_000_000 + n:010d}", address=f"Số {n % 300 + 1} đường Giải Phóng, Hà Nội",
                representative_name="Nguyễn Văn An", representative_title="Giám đốc",
                contact_email=f"lienhe{n}@example.vn")
        for n in range(start + 1, start + count + 1)], batch_size=1000)
    hashed = make_password(password) if password else make_password(None)
    users = User.objects.bulk_create([User(username=f"bench-partner-{n:04d}", password=hashed)
                                      for n in range(start + 1, start + count + 1)], batch_size=1000)
    Membership.objects.bulk_create([Membership(user=u, partner=p, title="Chuyên viên")
                                    for u, p in zip(users, made, strict=True)], batch_size=1000)
    group = Group.objects.get(name=roles.PARTNER)
    User.groups.through.objects.bulk_create([User.groups.through(user=u, group=group) for u in users],
                                            batch_size=1000)
    perms = [Permission.objects.get(content_type__app_label="partners", codename=codename)
             for codename in ("view_partner", "change_partner")]  # partners.services.MEMBER_PERMS
    PartnerUserObjectPermission.objects.bulk_create([
        PartnerUserObjectPermission(user=u, content_object=p, permission=perm)
        for u, p in zip(users, made, strict=True) for perm in perms], batch_size=2000)
    return [p.pk for p in made], [u.pk for u in users]


AGREEMENT_ROWS = """generate_series(1::bigint, %(count)s) AS n,
    LATERAL (SELECT timestamptz '2019-01-01 08:00+07' + ((n * 7919) %% %(count)s) * %(step)s AS created_at) AS t,
    LATERAL (SELECT CASE WHEN n %% 20 < 3 THEN 'draft' WHEN n %% 20 < 5 THEN 'review'
                         WHEN n %% 20 < 17 THEN 'signed' WHEN n %% 20 < 19 THEN 'terminated'
                         ELSE 'cancelled' END AS status,
                    t.created_at < timestamptz '2025-07-01 00:00+07' AS old_era) AS s"""


def agreements(count, *, partner_ids, drafter, department, condition_set, provinces_old, provinces_new):
    """`count` agreements across the statuses (15 % drafts, 10 % in review, 60 % signed, 10 % terminated, 5 %
    cancelled before signing), created from 2019 to mid-2026; signed ones numbered per year.
    Returns the id before the first new one."""
    last = Agreement.objects.aggregate(m=models.Max("pk"))["m"] or 0
    top = Agreement.objects.aggregate(m=models.Max("number"))["m"] or 0
    signed = "(s.status IN ('signed', 'terminated'))"
    sent = "(s.status NOT IN ('draft', 'cancelled'))"
    place = ("(CASE WHEN s.old_era THEN (%(old_names)s)[1 + n %% cardinality(%(old_names)s)] "
             "ELSE (%(new_names)s)[1 + n %% cardinality(%(new_names)s)] END)")
    signed_on = "(t.created_at + interval '40 days')::date"
    insert_select(Agreement, {
        "title": f"(%(subjects)s)[1 + n %% cardinality(%(subjects)s)] || ' ' || {place}",
        "number": f"CASE WHEN {signed} THEN %(top)s + n ELSE NULL END",
        "symbol": f"CASE WHEN {signed} THEN 'BB-CNTT' ELSE '' END",
        "number_year": f"CASE WHEN {signed} THEN extract(year FROM {signed_on})::int ELSE NULL END",
        "handing_department_id": "%(department)s", "handing_representative": "'Phạm Đức Long'",
        "handing_title": "'Cục trưởng'", "handing_honorific": "'Ông'",
        # Twenty in a row to one partner: each partner has the statuses' whole mix.
        "partner_id": "(%(partners)s)[1 + (n / 20) %% cardinality(%(partners)s)]",
        "receiving_representative": "'Nguyễn Văn An'", "receiving_title": "'Giám đốc'", "receiving_honorific": "'Ông'",
        "software_version": "'2.' || (n %% 7)",
        "term_start": "(t.created_at + interval '60 days')::date",
        "term_end": "(t.created_at + interval '60 days' + (1 + n %% 3) * interval '1 year')::date",
        "condition_set_id": "%(condition_set)s",
        "status": "s.status",
        "signed_on": f"CASE WHEN {signed} THEN {signed_on} ELSE NULL END",
        "handing_signatory": f"CASE WHEN {signed} THEN 'Phạm Đức Long' ELSE '' END",
        "handing_signatory_title": f"CASE WHEN {signed} THEN 'Cục trưởng' ELSE '' END",
        "receiving_signatory": f"CASE WHEN {signed} THEN 'Nguyễn Văn An' ELSE '' END",
        "receiving_signatory_title": f"CASE WHEN {signed} THEN 'Giám đốc' ELSE '' END",
        "first_sent_at": f"CASE WHEN {sent} THEN t.created_at + interval '10 days' ELSE NULL END",
        "terminated_on": "CASE WHEN s.status = 'terminated' THEN (t.created_at + interval '200 days')::date END",
        "termination_reason": "CASE WHEN s.status = 'terminated' THEN 'mutual' ELSE '' END",
        "cancelled_on": "CASE WHEN s.status = 'cancelled' THEN (t.created_at + interval '30 days')::date END",
        "created_by_id": "%(drafter)s",
        "created_at": "t.created_at",
        "updated_at": "t.created_at + (n %% 150) * interval '1 day'",
    }, AGREEMENT_ROWS, {
        "count": count, "step": datetime.timedelta(days=7.2 * 365) / count, "top": top,
        "subjects": SUBJECTS, "partners": partner_ids, "department": department, "drafter": drafter,
        "condition_set": condition_set, "old_names": [p.name for p in provinces_old],
        "new_names": [p.name for p in provinces_new]})
    return last


NEW_AGREEMENTS = """(SELECT a.*, row_number() OVER (ORDER BY a.id) AS n,
                           a.created_at < timestamptz '2025-07-01 00:00+07' AS old_era
                    FROM agreements_agreement a WHERE a.id > %(last)s) AS a"""


def scope(last, provinces_old, provinces_new):
    """One to three provinces per agreement, the first the one its subject names; before 01/07/2025 the
    provinces of that time (each with a successor), after it today's."""
    return insert_select(AgreementProvince, {
        "agreement_id": "a.id",
        "province_id": "CASE WHEN a.old_era THEN (%(old)s)[1 + (a.n + 13 * j) %% cardinality(%(old)s)] "
                       "ELSE (%(new)s)[1 + (a.n + 13 * j) %% cardinality(%(new)s)] END",
    }, f"{NEW_AGREEMENTS}, generate_series(0, 2) AS j WHERE j <= a.n %% 3",
        {"last": last, "old": [p.pk for p in provinces_old], "new": [p.pk for p in provinces_new]})


def clauses(last, count, agreement_count):
    """`count` clauses spread over the new agreements, in the sections' order."""
    each = count / agreement_count
    sections = list(Clause.Section.values)
    return insert_select(Clause, {
        "agreement_id": "a.id", "section": "(%(sections)s)[1 + (k - 1) %% cardinality(%(sections)s)]",
        "position": "k", "heading": "'Điều ' || k",
        "text": "(%(texts)s)[1 + (a.n + k) %% cardinality(%(texts)s)]",
    }, f"{NEW_AGREEMENTS}, generate_series(1, %(most)s) AS k "
       "WHERE k <= floor(a.n * %(each)s) - floor((a.n - 1) * %(each)s)",
        {"last": last, "sections": sections, "texts": CLAUSE_TEXTS, "each": each, "most": math.ceil(each)})


def bases_and_addressees(last, department):
    """Two legal bases per agreement; one department asked for the agreements sent for review."""
    made = insert_select(LegalBasis, {
        "agreement_id": "a.id", "position": "j", "kind": "'law'",
        "citation": "CASE WHEN j = 1 THEN 'Luật Công nghệ thông tin số 67/2006/QH11' "
                    "ELSE 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15' END",
    }, f"{NEW_AGREEMENTS}, generate_series(1, 2) AS j", {"last": last})
    made += insert_select(ReviewRequest, {
        "agreement_id": "a.id", "department_id": "%(department)s", "to_partner": "false",
        "letter_number": "a.n || '/CNTT-TTUD'", "letter_date": "a.first_sent_at::date",
        "due_on": "a.first_sent_at::date + 14", "silence_is_agreement": "false", "sent_at": "a.first_sent_at",
    }, f"{NEW_AGREEMENTS} WHERE a.first_sent_at IS NOT NULL", {"last": last, "department": department})
    return made


def evidence(count, *, partner_ids, member_ids, condition_ids, assessor):
    """`count` submissions: 70 % accepted (valid two years), 15 % rejected, 5 % more information asked,
    10 % waiting for an assessor; each partner's by its own member."""
    last = Evidence.objects.aggregate(m=models.Max("pk"))["m"] or 0
    decided = "e.status <> 'submitted'"
    insert_select(Evidence, {
        "partner_id": "(%(partners)s)[1 + n %% cardinality(%(partners)s)]",
        "submitted_by_id": "(%(members)s)[1 + n %% cardinality(%(members)s)]",
        "condition_id": "(%(conditions)s)[1 + (n / cardinality(%(partners)s)) %% cardinality(%(conditions)s)]",
        "statement": "'Hồ sơ chứng minh năng lực: quyết định, hợp đồng và chứng chỉ kèm theo, lần ' || n",
        "status": "e.status", "submitted_at": "e.at",
        "decided_by_id": f"CASE WHEN {decided} THEN %(assessor)s END",
        "decided_at": f"CASE WHEN {decided} THEN e.at + interval '5 days' END",
        "decision_reason": "CASE WHEN e.status = 'rejected' THEN 'Hồ sơ chưa đủ chứng cứ về nhân sự' ELSE '' END",
        "valid_from": "CASE WHEN e.status = 'accepted' THEN (e.at + interval '5 days')::date END",
        "valid_until": "CASE WHEN e.status = 'accepted' THEN (e.at + interval '5 days' + interval '2 years')::date END",
    }, """generate_series(1::bigint, %(count)s) AS n,
          LATERAL (SELECT mod(abs(hashint8(n)), 20) AS h) AS r,
          LATERAL (SELECT CASE WHEN r.h < 14 THEN 'accepted' WHEN r.h < 17 THEN 'rejected'
                               WHEN r.h = 17 THEN 'info_requested' ELSE 'submitted' END AS status,
                          timestamptz '2024-06-01 09:00+07' + ((n * 104729) %% %(count)s) * %(step)s AS at) AS e""",
        {"count": count, "partners": partner_ids, "members": member_ids, "conditions": condition_ids,
         "assessor": assessor, "step": datetime.timedelta(days=700) / count})
    return last


def downloads(count, *, user_ids, last_agreement):
    """`count` download records over the new agreements, spread over three years."""
    what = [DownloadRecord.What.SIGNED_MINUTES, DownloadRecord.What.DRAFT_MINUTES,
            DownloadRecord.What.VERSION_MINUTES, DownloadRecord.What.EVIDENCE_FILE]
    return insert_select(DownloadRecord, {
        "user_id": "(%(users)s)[1 + n %% cardinality(%(users)s)]",
        "what": "(%(what)s)[1 + n %% cardinality(%(what)s)]",
        "object_id": "%(last)s + 1 + (n * 31) %% %(agreements)s",
        "filename": "'bien-ban-' || n || '.pdf'",
        "at": "timestamptz '2023-07-01 08:00+07' + ((n * 7919) %% %(count)s) * %(step)s",
        "ip_address": "((%(ips)s)[1 + n %% cardinality(%(ips)s)])::inet",
    }, "generate_series(1::bigint, %(count)s) AS n", {
        "count": count, "users": user_ids, "what": [str(w) for w in what], "last": last_agreement,
        "agreements": max(1, Agreement.objects.filter(pk__gt=last_agreement).count()), "ips": IPS,
        "step": datetime.timedelta(days=3 * 365) / count})


def history(budget, *, last_agreement, last_evidence, partner_ids, drafter):
    """History rows for what was made, as the services would have written them: each row created, an
    agreement's moves to review, signing and termination, each decision on evidence; the rest of `budget`
    as edits of clauses while drafting. Returns the number of rows written."""
    written = 0
    A, H = Agreement, Agreement.history.model
    steps = {"draft": 1, "review": 2, "signed": 3, "terminated": 4, "cancelled": 4}
    written += insert_select(H, history_of(
        A, "a", kind="CASE WHEN k = 1 THEN '+' ELSE '~' END",
        at="a.created_at + (k - 1) * interval '10 days'", user="%(drafter)s",
        reason="CASE WHEN a.status = 'cancelled' AND k = 4 THEN 'Hủy dự thảo' "
               "ELSE (ARRAY['Tạo dự thảo', 'Gửi lấy ý kiến', 'Ký biên bản', 'Chấm dứt'])[k] END",
        status="CASE WHEN a.status = 'cancelled' AND k = 4 THEN 'cancelled' "
               "ELSE (ARRAY['draft', 'review', 'signed', 'terminated'])[k] END"),
        f"{NEW_AGREEMENTS}, generate_series(1, 4) AS k WHERE k <= CASE a.status "
        + " ".join(f"WHEN '{s}' THEN {n}" for s, n in steps.items())
        + " END AND NOT (a.status = 'cancelled' AND k BETWEEN 2 AND 3)",
        {"last": last_agreement, "drafter": drafter})
    created = "'+'", "a.created_at", "%(drafter)s", "'Soạn dự thảo'"
    for model, table in ((Clause, "agreements_clause"), (AgreementProvince, "agreements_agreementprovince"),
                         (LegalBasis, "agreements_legalbasis"), (ReviewRequest, "agreements_reviewrequest")):
        written += insert_select(model.history.model, history_of(
            model, "r", kind=created[0], at=created[1], user=created[2], reason=created[3]),
            f"{table} r JOIN agreements_agreement a ON a.id = r.agreement_id WHERE a.id > %(last)s",
            {"last": last_agreement, "drafter": drafter})
    written += insert_select(Evidence.history.model, history_of(
        Evidence, "e", kind="CASE WHEN k = 1 THEN '+' ELSE '~' END", at="CASE WHEN k = 1 THEN e.submitted_at "
        "ELSE e.decided_at END", user="CASE WHEN k = 1 THEN e.submitted_by_id ELSE e.decided_by_id END",
        reason="CASE WHEN k = 1 THEN 'Nộp hồ sơ' ELSE 'Thẩm định' END",
        status="CASE WHEN k = 1 THEN 'submitted' ELSE e.status END"),
        "conditions_evidence e, generate_series(1, 2) AS k WHERE e.id > %(last)s "
        "AND (k = 1 OR e.status <> 'submitted')", {"last": last_evidence})
    written += insert_select(Partner.history.model, history_of(
        Partner, "p", kind="'+'", at="p.created_at", user="%(drafter)s", reason="'Đăng ký đơn vị'"),
        "partners_partner p WHERE p.id = ANY(%(partners)s)", {"partners": partner_ids, "drafter": drafter})
    written += insert_select(Membership.history.model, history_of(
        Membership, "m", kind="'+'", at="m.created_at", user="%(drafter)s", reason="'Thêm thành viên'"),
        "partners_membership m WHERE m.partner_id = ANY(%(partners)s)", {"partners": partner_ids, "drafter": drafter})
    rest = budget - written
    if rest > 0:  # drafting: clauses edited again and again before sending
        clause_count = Clause.objects.filter(agreement_id__gt=last_agreement).count()
        rounds = math.ceil(rest / max(1, clause_count))
        written += insert_select(Clause.history.model, history_of(
            Clause, "c", kind="'~'", at="a.created_at + k * interval '1 hour'", user="%(drafter)s",
            reason="'Tiếp thu ý kiến góp ý'", text="c.text || ' (sửa lần ' || k || ')'"),
            """(SELECT c.*, row_number() OVER (ORDER BY c.id) AS i FROM agreements_clause c
                WHERE c.agreement_id > %(last)s) AS c
               JOIN agreements_agreement a ON a.id = c.agreement_id, generate_series(1, %(rounds)s) AS k
               WHERE (k - 1) * %(clauses)s + c.i <= %(rest)s""",
            {"last": last_agreement, "drafter": drafter, "rounds": rounds, "clauses": clause_count, "rest": rest})
    return written


def audit_entries(count, *, actors, partner_ids, last_agreement):
    """`count` audit entries (changes, downloads, logins) about the new rows, unchained: the record of a bench
    database is not one to verify. Entries there are also what keeps `migrate` from entering every history row
    again (core.protection.enter_earlier_history runs on an empty record)."""
    return insert_select(AuditEntry, {
        "at": "timestamptz '2019-01-01' + n * interval '3 minutes'",
        "actor_id": "(%(actors)s)[1 + n %% cardinality(%(actors)s)]",
        "kind": "CASE WHEN n %% 10 = 0 THEN 'download' WHEN n %% 10 = 1 THEN 'login' ELSE 'change' END",
        "model": "CASE WHEN n %% 10 = 0 THEN 'core.downloadrecord' WHEN n %% 10 = 1 THEN 'auth.user' "
                 "ELSE 'agreements.clause' END",
        "object_id": "n", "partner_id": "(%(partners)s)[1 + n %% cardinality(%(partners)s)]",
        "agreement_id": "CASE WHEN n %% 10 = 1 THEN NULL ELSE %(last)s + 1 + n %% %(agreements)s END",
        "source": "''", "label": "'Điều ' || (n %% 12)", "reason": "'Tiếp thu ý kiến góp ý'",
        "payload": "jsonb_build_object('type', '~', 'row', jsonb_build_object('id', n, 'text', "
                   "'Nội dung điều khoản, lần sửa số ' || n))",
        "digest": "md5(n::text) || md5((n + 1)::text)",
    }, "generate_series(1::bigint, %(count)s) AS n", {
        "count": count, "actors": actors, "partners": partner_ids, "last": last_agreement,
        "agreements": max(1, Agreement.objects.filter(pk__gt=last_agreement).count())})


def provinces():
    """(the provinces before 01/07/2025, those since), each in a fixed order."""
    return (list(Province.objects.filter(valid_from__isnull=True).order_by("code")),
            list(Province.objects.filter(valid_from__isnull=False).order_by("code")))


def analyse():
    """VACUUM ANALYZE every table, as a long-lived database would be: the planner sees the sizes, and
    no autovacuum of the fill runs in the middle of a measurement."""
    with connection.cursor() as cursor:
        # Inside a transaction (a test's) VACUUM cannot run; the statistics are what matters there.
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
