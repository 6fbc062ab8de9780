"""Formula injection (issue 16): text a user typed is stored as text in every workbook the portal writes."""
import io

import pytest
from openpyxl import Workbook, load_workbook

from core.xlsx import safe_row

PAYLOADS = ["=HYPERLINK(\"http://x\",\"Bấm\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1",
            "=cmd|' /C calc'!A0"]


@pytest.mark.parametrize("write_only", [True, False])
@pytest.mark.parametrize("payload", PAYLOADS)
def test_user_text_is_written_as_text(payload, write_only):
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("Thử") if write_only else book.active
    sheet.append(safe_row(sheet, [1, payload, "Chuyên viên", 2.5]))
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    read = load_workbook(stream).worksheets[0]
    cells = list(read.iter_rows(min_row=1, max_row=1))[0]
    assert [c.value for c in cells] == [1, payload, "Chuyên viên", 2.5]
    assert cells[1].data_type == "s" and cells[1].quotePrefix  # a string shown as typed, never a formula
    assert cells[2].data_type == "s" and not cells[2].quotePrefix


def test_the_inbox_export_writes_a_typed_formula_as_text(cast):
    """A job title '=HYPERLINK(…)' in the office's Excel of nominees stays text."""
    from dossiers.exports import nominations_workbook
    from dossiers.models import Dossier
    from tests.factories.dossiers import ready_dossier

    cast.person_a.position = '=HYPERLINK("http://evil.example","Xem")'
    cast.person_a.save()
    dossier = ready_dossier(cast)
    stream, rows = nominations_workbook(Dossier.objects.filter(pk=dossier.pk))
    sheet = load_workbook(stream).worksheets[0]
    positions = [row[3] for row in sheet.iter_rows(min_row=2)]
    assert rows == 1 and positions[0].data_type == "s" and positions[0].value.startswith("=HYPERLINK")
