"""What changed between two versions, computed from their frozen content alone (agreements.diff):
legal bases and clauses matched by key, header facts, and word-level highlights in Vietnamese."""

from agreements.diff import ADDED, CHANGED, REMOVED, changes, words

MINUTES = {"subject": "Bàn giao quyền sử dụng phần mềm", "handing_department": "Cục Công nghệ thông tin",
           "handing_representative": "Phạm Đức Long", "handing_title": "Cục trưởng",
           "partner": {"legal_name": "Công ty Công nghệ thông tin VNPT", "address": "Hà Nội", "tax_code": "0106869738"},
           "receiving_representative": "Nguyễn Văn A", "receiving_title": "Giám đốc", "authority": "",
           "software": "Phần mềm Hồ sơ sức khỏe điện tử", "version": "2.1", "provinces": "Thành phố Hà Nội",
           "term_start": "01/01/2026", "term_end": "31/12/2027",
           "place_date": "Hà Nội, ngày\u00a0\u00a0tháng\u00a0\u00a0năm 2026"}


def basis(pk, text):
    return {"key": f"basis:{pk}", "label": f"Legal basis {pk}: {text}", "text": text}


def clause(pk, text, *, number=2, heading="Quyền sở hữu", section="ownership"):
    return {"key": f"clause:{pk}", "label": f"Article {number}. {heading}", "heading": heading, "section": section,
            "text": text}


def content(*, bases=(), clauses=(), **minutes):
    return {"minutes": {**MINUTES, **minutes}, "bases": list(bases), "clauses": list(clauses)}


def only_entry(found):
    assert len(found) == 1 and len(found[0].entries) == 1, found
    return found[0].name, found[0].entries[0]


def test_the_same_text_has_no_change():
    text = content(bases=[basis(1, "Luật Công nghệ thông tin")], clauses=[clause(7, "Bên giao giữ bản quyền.")])
    assert changes(text, text) == []


def test_a_legal_basis_added_is_listed_as_added_with_its_text():
    group, entry = only_entry(changes(content(), content(bases=[basis(3, "Nghị định 47/2020/NĐ-CP")])))
    assert (str(group), entry.key, entry.state) == ("Legal bases", "basis:3", ADDED)
    assert entry.parts == (("", [("insert", "Nghị định 47/2020/NĐ-CP")]),)


def test_a_clause_removed_is_listed_as_removed_with_its_text():
    group, entry = only_entry(changes(content(clauses=[clause(7, "Bên giao giữ bản quyền.")]), content()))
    assert (str(group), entry.label, entry.state) == ("Clauses", "Article 2. Quyền sở hữu", REMOVED)
    assert entry.parts == (("", [("delete", "Bên giao giữ bản quyền.")]),)


def test_a_changed_clause_shows_the_vietnamese_words_deleted_and_inserted():
    old = content(clauses=[clause(7, "Bên nhận được sử dụng phần mềm trên địa bàn tỉnh.")])
    new = content(clauses=[clause(7, "Bên nhận được quyền sử dụng phần mềm trên địa bàn thành phố.")])
    _, entry = only_entry(changes(old, new))
    assert entry.state == CHANGED
    assert entry.parts == (("", [("equal", "Bên nhận được"), ("insert", " quyền"),
                                 ("equal", " sử dụng phần mềm trên địa bàn "), ("delete", "tỉnh."),
                                 ("insert", "thành phố.")]),)


def test_words_with_vietnamese_diacritics_stay_whole():
    assert words("Bên giao ký biên bản", "Bên nhận ký biên bản") == [
        ("equal", "Bên "), ("delete", "giao"), ("insert", "nhận"), ("equal", " ký biên bản")]


def test_a_clause_that_only_moved_down_has_not_changed():
    old = content(clauses=[clause(7, "Bên giao giữ bản quyền.", number=2)])
    new = content(clauses=[clause(9, "Điều khoản mới.", number=2), clause(7, "Bên giao giữ bản quyền.", number=3)])
    _, entry = only_entry(changes(old, new))
    assert (entry.key, entry.state) == ("clause:9", ADDED)


def test_a_clause_whose_heading_or_section_changed_has_changed():
    old = content(clauses=[clause(7, "Bên giao giữ bản quyền.")])
    new = content(clauses=[clause(7, "Bên giao giữ bản quyền.", heading="Bản quyền", section="effect")])
    _, entry = only_entry(changes(old, new))
    assert entry.state == CHANGED
    assert entry.parts == (("Heading", [("delete", "Quyền sở hữu"), ("insert", "Bản quyền")]),
                           ("Section", [("delete", "Ownership and copyright"), ("insert", "Effect")]))


def test_a_changed_header_fact_is_listed_with_its_words():
    group, entry = only_entry(changes(content(), content(provinces="Thành phố Hà Nội, Tỉnh Bắc Ninh")))
    assert (str(group), str(entry.label), entry.key) == ("Header", "Provinces in scope", "minutes:provinces")
    assert entry.parts == (("", [("equal", "Thành phố Hà "), ("delete", "Nội"), ("insert", "Nội, Tỉnh Bắc Ninh")]),)


def test_the_term_the_parties_and_the_place_are_compared():
    new = content(term_end="31/12/2028", receiving_representative="Trần Thị B",
                  place_date="Bắc Ninh, ngày\u00a0\u00a0tháng\u00a0\u00a0năm 2027")
    group, = changes(content(), new)
    assert [e.key for e in group.entries] == ["minutes:receiving_representative", "minutes:term", "minutes:place"]
    assert group.entries[2].parts == (("", [("delete", "Hà Nội"), ("insert", "Bắc Ninh")]),)


def test_the_groups_come_header_first_then_legal_bases_then_clauses():
    old = content(bases=[basis(1, "Luật Công nghệ thông tin")], clauses=[clause(7, "Bên giao giữ bản quyền.")])
    new = content(subject="Bàn giao quyền triển khai phần mềm", clauses=[clause(7, "Bên giao giữ mọi bản quyền.")])
    assert [(str(g.name), [e.state for e in g.entries]) for g in changes(old, new)] == [
        ("Header", [CHANGED]), ("Legal bases", [REMOVED]), ("Clauses", [CHANGED])]
