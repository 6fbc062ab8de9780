"""The demo prints each statutory biểu of its year (issue 19): both provinces, every biểu, with figures."""
import io

import pytest
from django.core.management import call_command

from core.pdf import render_pdf
from demo.seeds import anchor
from documents.registry import kind
from orgs.models import Organisation
from tests.pdf_assertions import save_png
from tests.reports.test_statutory import cells

pytestmark = pytest.mark.django_db


def test_the_demo_prints_each_statutory_report_of_its_year(seeded_demo):
    year = anchor.anchor().year
    totals = {}
    for root in ("QT-UBND", "LS-UBND"):
        body = Organisation.objects.get(code=root)
        for code in ("0601", "0602", "0603"):
            registered = kind(f"bieu_{code}")
            context = registered.build(body, str(year))
            pdf = render_pdf(registered.template, context, strict=True)
            if root == "QT-UBND":
                save_png(pdf, f"demo-bieu_{code}")
            totals[root, code] = cells(context)["01" if code != "0602" else "1"][0]
    assert totals["QT-UBND", "0601"] >= 1 and totals["LS-UBND", "0601"] >= 2  # 2150/KH-SNV; 58/KH-UBND, 01/KH-VP
    assert totals["QT-UBND", "0602"] == 1  # the Bằng khen of the Thủ tướng typed by the office
    assert totals["QT-UBND", "0603"] == 2  # the Bằng khen and the CSTĐ of the Chủ tịch UBND tỉnh
    call_command("seed_demo", stdout=io.StringIO())  # again: nothing typed twice
    body = Organisation.objects.get(code="QT-UBND")
    assert cells(kind("bieu_0603").build(body, str(year)))["01"][0] == 2
