"""The eligibility list of a nominee as the dossier page (failures, then the passes in one line) and the
review page (every rule) show it."""
from dossiers.services.eligibility import Check
from dossiers.templatetags.eligibility_tags import eligibility_checks

CHECKS = [Check("quota", "Trong chỉ tiêu của đơn vị", False, "Đơn vị đề nghị 4 trong khi chỉ tiêu là 3."),
          Check("deadline", "Nộp trong hạn", False, "Hạn nộp hồ sơ là 05/8/2025, đã quá 3 ngày.", blocking=False),
          Check("rating", "Xếp loại năm <b>tốt</b>", True, "Năm 2024: hoàn thành tốt nhiệm vụ."),
          Check("history_bk_ttg", "Đủ điều kiện Bằng khen Thủ tướng", True, "Không áp dụng.")]


def test_page_spells_out_failures_and_sums_up_the_passes():
    html = str(eligibility_checks(CHECKS))
    assert html.startswith('<ul class="list-unstyled small mb-0 eligibility">') and html.endswith("</ul>")
    assert ('<li class="text-danger"><i class="bi bi-x-circle" aria-hidden="true"></i> '
            "<strong>Trong chỉ tiêu của đơn vị</strong>: Đơn vị đề nghị 4 trong khi chỉ tiêu là 3.</li>") in html
    assert "<strong>Nộp trong hạn</strong> (cảnh báo): Hạn nộp hồ sơ là 05/8/2025" in html
    assert "text-warning-emphasis" in html and "bi-exclamation-triangle" in html
    assert "Đạt: xếp loại năm &lt;b&gt;tốt&lt;/b&gt;</li>" in html  # escaped; the rule that does not apply left out
    assert "Bằng khen Thủ tướng" not in html


def test_review_page_lists_every_rule():
    html = str(eligibility_checks(CHECKS, full=True))
    assert html.count("<li") == 4 and "Đạt:" not in html
    assert "<strong>Xếp loại năm &lt;b&gt;tốt&lt;/b&gt;</strong>: Năm 2024" in html
    assert "<strong>Đủ điều kiện Bằng khen Thủ tướng</strong>: Không áp dụng." in html


def test_no_checks_no_items():
    assert str(eligibility_checks([])) == '<ul class="list-unstyled small mb-0 eligibility"></ul>'
