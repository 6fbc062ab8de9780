"""The signature block of Nghị định 30/2020 (Phụ lục I): who signs for the body's head, as data of the signed
record (sign_as, signer_title) and of the body (its head's title, its collective name)."""
import pytest

from core.letterhead import signature_lines


@pytest.mark.parametrize(("sign_as", "head", "signer", "collective", "lines"), [
    ("", "Giám đốc", "Giám đốc", "", ["GIÁM ĐỐC"]),
    ("", "Giám đốc", "", "", ["GIÁM ĐỐC"]),
    ("kt", "Chủ tịch", "Phó Chủ tịch", "", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ("kt", "Giám đốc", "Phó Giám đốc", "", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
    ("q", "Giám đốc", "Phó Giám đốc", "", ["Q. GIÁM ĐỐC"]),
    ("tm", "Chủ tịch", "Chủ tịch", "Ủy ban nhân dân", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    ("tm_kt", "Chủ tịch", "Phó Chủ tịch", "Ủy ban nhân dân",
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ("tl", "Giám đốc", "Chánh Văn phòng", "", ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"]),
    ("tuq", "Chủ tịch", "Giám đốc Sở Nội vụ", "", ["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ"]),
])
def test_signature_lines(sign_as, head, signer, collective, lines):
    assert signature_lines(sign_as, head, signer, collective) == lines


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "name", "head_title", "head", "authority", "council"), [
    ("ubnd_tinh", "Ủy ban nhân dân tỉnh Quảng Trị", "", "Chủ tịch", "Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị",
     "Hội đồng Thi đua – Khen thưởng tỉnh Quảng Trị"),
    ("so", "Sở Nội vụ tỉnh Quảng Trị", "", "Giám đốc", "Giám đốc Sở Nội vụ tỉnh Quảng Trị",
     "Hội đồng Thi đua – Khen thưởng Sở Nội vụ tỉnh Quảng Trị"),
    ("don_vi_su_nghiep", "Trường Cao đẳng Y tế Quảng Trị", "Hiệu trưởng", "Hiệu trưởng",
     "Hiệu trưởng Trường Cao đẳng Y tế Quảng Trị", "Hội đồng Thi đua – Khen thưởng Trường Cao đẳng Y tế Quảng Trị"),
])
def test_the_body_names_its_head_and_its_council(kind, name, head_title, head, authority, council):
    from tests.factories.orgs import OrganisationFactory

    body = OrganisationFactory(kind=kind, name=name, head_title=head_title)
    assert (body.head, body.authority, body.council_name) == (head, authority, council)
    assert "Sở Sở" not in body.authority


@pytest.mark.django_db
@pytest.mark.parametrize(("sign_as", "title", "error_field"), [
    ("", "Phó Giám đốc", "sign_as"),      # a deputy signs "KT."
    ("kt", "", "signer_title"),           # … and prints their own title
    ("kt", "Phó Giám đốc", None), ("", "Giám đốc", None), ("tl", "Chánh Văn phòng", None),
])
def test_the_signer_form_asks_for_what_nd30_prints(sign_as, title, error_field):
    from django import forms

    from core.forms import SignerFormMixin

    class Form(SignerFormMixin, forms.Form):
        sign_as = forms.CharField(required=False)
        signer_title = forms.CharField(required=False)

    form = Form({"sign_as": sign_as, "signer_title": title})
    assert form.is_valid() is (error_field is None)
    if error_field:
        assert error_field in form.errors


@pytest.mark.parametrize(("typed", "name"), [
    ("Trần Văn An – Trưởng phòng", "Trần Văn An"), ("Lê Quang Thắng, Giám đốc Sở", "Lê Quang Thắng"),
    ("Nguyễn Văn Hải - Giám đốc Sở, Chủ tịch Hội đồng", "Nguyễn Văn Hải"), ("Phạm Thị Thảo", "Phạm Thị Thảo"),
])
def test_the_name_under_a_signature(typed, name):
    from core.letterhead import name_only

    assert name_only(typed) == name


def test_list_lines_lose_the_dash_the_user_typed():
    from core.letterhead import items

    assert items("- Phát huy tinh thần\n+ Biểu dương\n\n• Đợt thi đua\nKhông gạch") == [
        "- Phát huy tinh thần", "+ Biểu dương", "- Đợt thi đua", "- Không gạch"]  # one dash each; "+" a sub-item
