"""The eligibility list of a nominee as the dossier page (each failure's reason, then how many other rules
are met) and the review page (every rule with its label) show it."""
from dossiers.services.eligibility import Check
from dossiers.templatetags.eligibility_tags import eligibility_checks

CHECKS = [Check("quota", "Trong chỉ tiêu của đơn vị", False, "Đơn vị đề nghị 4 trong khi chỉ tiêu là 3."),
          Check("deadline", "Nộp trong hạn", False, "Hạn nộp hồ sơ là 05/8/2025, đã quá 3 ngày.", blocking=False),
          Check("rating", "Xếp loại năm <b>tốt</b>", True, "Năm 2024: <i>hoàn thành</i> tốt nhiệm vụ."),
          Check("history_bk_ttg", "Đủ điều kiện Bằng khen Thủ tướng", True, "Không áp dụng.")]


def test_page_spells_out_failures_and_counts_the_passes():
    html = str(eligibility_checks(CHECKS))
    assert html == ('<ul class="eligibility">'
                    '<li class="err">Đơn vị đề nghị 4 trong khi chỉ tiêu là 3.</li>'
                    '<li class="warn">Cảnh báo: Hạn nộp hồ sơ là 05/8/2025, đã quá 3 ngày.</li>'
                    '<li class="ok">Đạt 1 điều kiện khác</li></ul>')  # the rule that does not apply left out


def test_page_when_everything_passes():
    assert str(eligibility_checks(CHECKS[2:])) == ('<ul class="eligibility">'
                                                   '<li class="ok">Đạt 1 điều kiện</li></ul>')


def test_review_page_lists_every_rule_escaped():
    html = str(eligibility_checks(CHECKS, full=True))
    assert html.count("<li") == 4
    assert '<li class="warn"><strong>Nộp trong hạn</strong> (cảnh báo): Hạn nộp hồ sơ là 05/8/2025' in html
    assert ('<li class="ok"><strong>Xếp loại năm &lt;b&gt;tốt&lt;/b&gt;</strong>: '
            "Năm 2024: &lt;i&gt;hoàn thành&lt;/i&gt; tốt nhiệm vụ.</li>") in html
    assert "<strong>Đủ điều kiện Bằng khen Thủ tướng</strong>: Không áp dụng." in html


def test_no_checks_no_items():
    assert str(eligibility_checks([])) == '<ul class="eligibility"></ul>'


def test_page_leaves_out_the_failures_shown_once_for_the_dossier():
    html = str(eligibility_checks(CHECKS, common={("deadline", CHECKS[1].message)}))
    assert "Hạn nộp" not in html and "Đơn vị đề nghị 4" in html


def test_common_failures_are_those_every_nominee_shares_word_for_word():
    from types import SimpleNamespace

    from dossiers.services.dossier_page import common_failures

    other_quota = Check("quota", "Trong chỉ tiêu của đơn vị", False, "Đơn vị đề nghị 5 trong khi chỉ tiêu là 3.")
    one, two = SimpleNamespace(verdicts=CHECKS), SimpleNamespace(verdicts=[other_quota, *CHECKS[1:]])
    assert [c.code for c in common_failures([one, two])] == ["deadline"]
    assert common_failures([one]) == []


def test_nominee_rows_escape_every_text():
    from types import SimpleNamespace

    from dossiers.templatetags.eligibility_tags import nominee_rows

    row = SimpleNamespace(
        name='<b>Lê "Văn"</b>', subtitle="<i>Chuyên viên</i>", summary="<script>x</script>", missing=2,
        report_url="/de-nghi/1/bao-cao/", print_url="/in/bao_cao/1/", remove_url="/de-nghi/1/xoa/",
        verdicts=CHECKS, outcome_badge="secondary", get_outcome_display=lambda: "Chưa xét",
        outcome_reason="<u>lý do</u>")
    html = str(nominee_rows([row], True))
    assert "<b>" not in html and "<script>" not in html and "<i>Chuyên" not in html and "<u>" not in html
    assert 'aria-label="Bỏ &lt;b&gt;Lê &quot;Văn&quot;&lt;/b&gt;"' in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "Còn thiếu 2 mục" in html
    assert '<li class="err">Đơn vị đề nghị 4 trong khi chỉ tiêu là 3.</li>' in html
    assert 'formaction="/de-nghi/1/xoa/"' in str(nominee_rows([row], True))
    assert "nominee-remove" not in str(nominee_rows([row], False))  # a reader gets no button
