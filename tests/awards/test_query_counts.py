"""Catalogue lists, and the history panel of edit pages, keep a constant number of queries."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.enums import AuthorityLevel, AwardCategory, SubjectType
from awards.models import AwardForm, BaseSalary, BonusCoefficient, LegalBasisProfile
from awards.services import catalogue

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def grow(n, by):
    start = AwardForm.objects.count() + BaseSalary.objects.count() + LegalBasisProfile.objects.count()
    for i in range(start, start + n):
        award_form = catalogue.save_award_form(AwardForm(
            code=f"hinh-thuc-{i}", name=f"Hình thức thử {i}", category=AwardCategory.COMMENDATION,
            subject_types=[SubjectType.INDIVIDUAL], authority=AuthorityLevel.UNIT_HEAD), by=by)
        profile = catalogue.save_profile(LegalBasisProfile(
            code=f"can-cu-{i}", name=f"Bộ căn cứ thử {i}", valid_from=f"{2030 + i}-01-01",
            basis_lines="Căn cứ thử;"), by=by)
        catalogue.save_profile(profile, rows=[BonusCoefficient(
            award_form=award_form, subject_type=SubjectType.INDIVIDUAL, coefficient="1")], by=by)
        catalogue.save_base_salary(BaseSalary(valid_from=f"{2030 + i}-07-01", amount=3_000_000 + i), by=by)


@pytest.mark.parametrize("name", ["awards:awardform_list", "awards:profile_list", "awards:salary_list"])
def test_list_page_query_count_is_constant(cast, client_for, name):
    client = client_for(cast.system)
    url = reverse(name)
    grow(1, cast.system)
    small = count_queries(client, url)
    grow(30, cast.system)
    assert count_queries(client, url) == small


def edit(award_form, profile, salary, by, n):
    for _ in range(n):
        award_form.order += 1
        catalogue.save_award_form(award_form, by=by)
        salary.amount += 1
        catalogue.save_base_salary(salary, by=by)
        row = profile.coefficients.select_related("award_form").first()
        row.coefficient += 1
        catalogue.save_profile(profile, rows=[row], by=by)


def test_history_panel_query_count_is_constant(cast, client_for):
    client = client_for(cast.system)
    award_form = AwardForm.objects.get(code="giay-khen")
    profile = LegalBasisProfile.objects.get(code="nd-152-2025")
    salary = BaseSalary.objects.get(amount=2_340_000)
    urls = [reverse("awards:awardform_update", args=[award_form.pk]),
            reverse("awards:profile_update", args=[profile.pk]),
            reverse("awards:salary_update", args=[salary.pk])]
    edit(award_form, profile, salary, cast.system, 1)
    small = [count_queries(client, url) for url in urls]
    edit(award_form, profile, salary, cast.system, 20)
    large = [count_queries(client, url) for url in urls]
    assert small == large
    assert len(client.get(urls[1]).context["history"]) > 20
