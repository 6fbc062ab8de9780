"""The Kế hoạch of a plan entered as it is written (issue 15): its own numbering kept in its lists, its own bases
after the law's, a period that ends with an event. Writes tests/e2e/artifacts/documents/ke_hoach-nhu_van_ban-*.png
for a person to look at."""
import pytest

from campaigns import documents as campaign_documents
from campaigns.models import Criterion
from core.pdf import render_pdf
from tests.pdf_assertions import assert_in_order, assert_nd30_layout, pdf_text, save_png

from .conftest import BASIS

pytestmark = pytest.mark.django_db

TASKS = ("1. Tuyên truyền sâu rộng về đợt thi đua\n"
         "- In và phát hành tờ rơi tại trụ sở các đơn vị\n"
         "+ mỗi phòng, ban 01 bộ\n"
         "2. Tổ chức ký giao ước thi đua\n"
         "a) Giữa các phòng thuộc Sở\n"
         "b) Giữa các đơn vị sự nghiệp\n"
         "Báo cáo kết quả về Văn phòng Sở")


@pytest.fixture
def as_written(campaign):
    campaign.tasks_text = TASKS
    campaign.purpose = "I. Phát huy tinh thần yêu nước\n- Động viên cán bộ, công chức"
    campaign.plan_bases = ("Thực hiện Chỉ thị số 19-CT/TU ngày 12 tháng 3 năm 2024 của Ban Thường vụ Tỉnh ủy;\n"
                           "Căn cứ Kế hoạch số 45/KH-UBND ngày 02 tháng 7 năm 2024 của Ủy ban nhân dân tỉnh Thử;")
    campaign.period_end, campaign.period_end_text = None, "Đến khi tổ chức thành công Đại hội Đảng bộ tỉnh."
    campaign.save()
    Criterion.objects.create(campaign=campaign, subject_type="individual", order=2,
                             text="a) Có sáng kiến được công nhận\nb) Không vi phạm kỷ luật")
    return campaign


def test_numbered_lines_print_as_typed_without_a_bullet(as_written):
    context = campaign_documents.ke_hoach(as_written)
    assert context["tasks"] == ["1. Tuyên truyền sâu rộng về đợt thi đua",
                                "- In và phát hành tờ rơi tại trụ sở các đơn vị", "+ mỗi phòng, ban 01 bộ",
                                "2. Tổ chức ký giao ước thi đua", "a) Giữa các phòng thuộc Sở",
                                "b) Giữa các đơn vị sự nghiệp", "- Báo cáo kết quả về Văn phòng Sở"]
    pdf = render_pdf("documents/ke_hoach.html", context, strict=True)
    save_png(pdf, "ke_hoach-nhu_van_ban")
    assert_nd30_layout(pdf)
    text = pdf_text(pdf)
    assert_in_order(text, [
        "KẾ HOẠCH", *BASIS, "Thực hiện Chỉ thị số 19-CT/TU", "Căn cứ Kế hoạch số 45/KH-UBND",
        "Sở Nội vụ tỉnh Thử ban hành Kế hoạch",
        "1. Mục đích", "I. Phát huy tinh thần yêu nước", "- Động viên cán bộ, công chức",
        "1. Thời gian thực hiện",
        "Từ ngày 15 tháng 7 năm 2024 đến khi tổ chức thành công Đại hội Đảng bộ tỉnh.",
        "4. Nhiệm vụ, giải pháp", "1. Tuyên truyền sâu rộng về đợt thi đua",
        "- In và phát hành tờ rơi tại trụ sở các đơn vị", "+ mỗi phòng, ban 01 bộ",
        "2. Tổ chức ký giao ước thi đua", "a) Giữa các phòng thuộc Sở", "b) Giữa các đơn vị sự nghiệp",
        "- Báo cáo kết quả về Văn phòng Sở",
        "2. Đối với cá nhân", "- Hoàn thành tốt nhiệm vụ năm 2024 trở lên.", "a) Có sáng kiến được công nhận",
        "b) Không vi phạm kỷ luật"])
    for doubled in ("- 1. Tuyên", "- I. Phát", "- a) Giữa", "- a) Có", "- + mỗi", "- - "):
        assert doubled not in text
