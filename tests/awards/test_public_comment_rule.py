"""Which award forms need public comment before the council, per legal-basis profile: the data migration fills
the national profiles with the high forms; the system admin changes them on the profile's page."""
import pytest
from django.urls import reverse

from awards.models import AwardForm, LegalBasisProfile
from tests.awards.test_pages import profile_post_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["nd-91-2017", "nd-98-2023", "nd-152-2025"])
def test_the_high_forms_need_public_comment_under_each_national_profile(code):
    profile = LegalBasisProfile.objects.get(code=code)
    assert set(profile.public_comment_forms.values_list("code", flat=True)) == {"huan-chuong-ld-3", "cstd-toan-quoc"}
    assert profile.public_comment_reference
    assert profile.needs_public_comment(AwardForm.objects.get(code="cstd-toan-quoc"))
    assert not profile.needs_public_comment(AwardForm.objects.get(code="giay-khen"))


def test_the_98_2023_profile_cites_its_article():
    assert LegalBasisProfile.objects.get(code="nd-98-2023").public_comment_reference == (
        "khoản 2 Điều 46 Nghị định số 98/2023/NĐ-CP")


def test_admin_adds_a_form_to_public_comment_on_the_profile_page(cast, client_for):
    client = client_for(cast.system)
    profile = LegalBasisProfile.objects.get(code="nd-152-2025")
    page = client.get(reverse("awards:profile_update", args=[profile.pk])).content.decode()
    assert "Lấy ý kiến nhân dân trước khi họp Hội đồng" in page
    data, _formset = profile_post_data(client, profile)
    bang_khen = AwardForm.objects.get(code="bang-khen-tinh")
    data["public_comment_forms"] = [*data["public_comment_forms"], bang_khen.pk]
    data["public_comment_reference"] = "Quy chế của tỉnh"

    assert client.post(reverse("awards:profile_update", args=[profile.pk]), data).status_code == 302

    profile.refresh_from_db()
    assert profile.needs_public_comment(bang_khen) and profile.public_comment_reference == "Quy chế của tỉnh"


def test_admin_removes_every_form(cast, client_for):
    client = client_for(cast.system)
    profile = LegalBasisProfile.objects.get(code="nd-98-2023")
    data, _formset = profile_post_data(client, profile)
    del data["public_comment_forms"]

    assert client.post(reverse("awards:profile_update", args=[profile.pk]), data).status_code == 302
    assert not profile.public_comment_forms.exists()
