"""How documents name a campaign inside a sentence: said once, never "phong trào thi đua “Phát động phong trào
thi đua “…”…”" (campaigns/citation.py)."""
import pytest

from campaigns.citation import cited_name

CASES = [
    ("Phát động phong trào thi đua “Cán bộ Nội vụ tận tụy, chuyên nghiệp, phục vụ nhân dân” năm 2026",
     "phong trào thi đua “Cán bộ Nội vụ tận tụy, chuyên nghiệp, phục vụ nhân dân” năm 2026"),
    ("Thực hiện đợt thi đua đặc biệt lập thành tích chào mừng Kỷ niệm 80 năm Ngày truyền thống",
     "đợt thi đua đặc biệt lập thành tích chào mừng Kỷ niệm 80 năm Ngày truyền thống"),
    ("Kế hoạch tổ chức phong trào thi đua “Dân vận khéo” giai đoạn 2026 – 2030.",
     "phong trào thi đua “Dân vận khéo” giai đoạn 2026 – 2030"),
    ("Tổ chức phát động phong trào thi đua chuyển đổi số", "phong trào thi đua chuyển đổi số"),
    ("Công tác thi đua, khen thưởng năm 2026", "phong trào thi đua năm 2026"),
    ("Công tác thi đua và khen thưởng năm 2026", "phong trào thi đua năm 2026"),
    ("Thi đua yêu nước năm 2026", "phong trào thi đua yêu nước năm 2026"),
    ("Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”",
     "cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”"),
    ("Dân vận khéo", "phong trào thi đua “Dân vận khéo”"),
    ("  Phát   động  phong trào thi đua   năm 2026 ", "phong trào thi đua năm 2026"),
    ("", ""),
]


@pytest.mark.parametrize(("title", "expected"), CASES)
def test_cited_name(title, expected):
    assert cited_name(title) == expected


def test_citation_typed_by_hand_wins():
    from campaigns.models import Campaign

    campaign = Campaign(title="Công tác năm", citation="  phong trào thi đua   “Vì người nghèo” ")
    assert campaign.cited_name == "phong trào thi đua “Vì người nghèo”"
    assert Campaign(title="Dân vận khéo").cited_name == "phong trào thi đua “Dân vận khéo”"
