"""Vietnamese names, places and wordings for the province-scale data set (bench/generate.py).

Frequencies are rough public figures (họ Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 %…); the given names are
the common ones of civil servants born 1965–2000. Everything is NFC, with its diacritics.
"""

# (family name, weight)
FAMILY_NAMES = [
    ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 30), ("Huỳnh", 20), ("Phan", 45),
    ("Vũ", 22), ("Võ", 17), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10),
    ("Lý", 5), ("Đào", 6), ("Đoàn", 5), ("Trịnh", 6), ("Trương", 5), ("Mai", 4), ("Lương", 4), ("Đinh", 5),
    ("Cao", 4), ("Hà", 4), ("Lâm", 3), ("Tạ", 2), ("Tô", 2), ("Phùng", 2), ("Lò", 2), ("Cầm", 1), ("Hà", 2),
]

MALE_MIDDLE = [("Văn", 45), ("Hữu", 8), ("Đức", 10), ("Minh", 9), ("Quang", 7), ("Xuân", 5), ("Công", 5),
               ("Thanh", 5), ("Ngọc", 3), ("Quốc", 5), ("Đình", 6), ("Trọng", 4), ("Mạnh", 3), ("Tiến", 2),
               ("Anh", 2), ("Bá", 2), ("Sỹ", 2)]
FEMALE_MIDDLE = [("Thị", 62), ("Ngọc", 6), ("Thanh", 5), ("Thu", 5), ("Minh", 3), ("Hồng", 4), ("Kim", 3),
                 ("Thúy", 2), ("Mai", 2), ("Phương", 2), ("Thị Thu", 3), ("Thị Thanh", 2), ("Thị Hồng", 2),
                 ("Thị Ngọc", 2), ("Thị Minh", 1)]

MALE_GIVEN = [("Hùng", 6), ("Minh", 6), ("Tuấn", 6), ("Dũng", 6), ("Nam", 5), ("Hải", 5), ("Cường", 4),
              ("Thắng", 4), ("Long", 4), ("Sơn", 5), ("Quang", 3), ("Hiếu", 3), ("Trung", 4), ("Đức", 4),
              ("Thành", 4), ("Bình", 4), ("Hoàng", 3), ("Phong", 3), ("Tú", 2), ("Khánh", 3), ("Huy", 4),
              ("Kiên", 2), ("Tài", 2), ("Lâm", 2), ("Tùng", 3), ("Việt", 3), ("Anh", 4), ("Hưng", 3),
              ("Toàn", 2), ("Thịnh", 2), ("Vinh", 2), ("Lợi", 1), ("Phúc", 2), ("Quý", 1), ("Chiến", 2),
              ("Hòa", 2), ("Thuận", 1), ("Đạt", 2), ("Hậu", 1), ("Luân", 1), ("Thọ", 1), ("Trường", 2)]
FEMALE_GIVEN = [("Hương", 10), ("Lan", 6), ("Hà", 6), ("Thảo", 6), ("Trang", 6), ("Linh", 6), ("Hằng", 5),
                ("Nga", 4), ("Hoa", 4), ("Mai", 5), ("Phương", 5), ("Thủy", 5), ("Hạnh", 4), ("Yến", 4),
                ("Dung", 4), ("Nhung", 3), ("Huyền", 4), ("Loan", 3), ("Oanh", 2), ("Vân", 3), ("Anh", 4),
                ("Ngân", 3), ("Liên", 3), ("Tâm", 2), ("Thu", 2), ("Hường", 2), ("Thương", 2), ("Giang", 3),
                ("Hiền", 4), ("Ly", 2), ("Nhàn", 2), ("Quyên", 2), ("Chi", 2), ("Duyên", 2), ("Xuân", 2),
                ("Lệ", 1), ("Hồng", 3), ("Tuyết", 2), ("Vy", 1), ("Diệp", 1)]

PROVINCE = "Thanh Hóa"

# District-level units of Thanh Hóa before 01/7/2025 (abolished by the two-level local government).
DISTRICTS = [
    ("thành phố", "Thanh Hóa"), ("thành phố", "Sầm Sơn"), ("thị xã", "Bỉm Sơn"), ("thị xã", "Nghi Sơn"),
    ("huyện", "Hoằng Hóa"), ("huyện", "Hậu Lộc"), ("huyện", "Nga Sơn"), ("huyện", "Hà Trung"),
    ("huyện", "Vĩnh Lộc"), ("huyện", "Thạch Thành"), ("huyện", "Cẩm Thủy"), ("huyện", "Ngọc Lặc"),
    ("huyện", "Lang Chánh"), ("huyện", "Bá Thước"), ("huyện", "Quan Hóa"), ("huyện", "Quan Sơn"),
    ("huyện", "Mường Lát"), ("huyện", "Thường Xuân"), ("huyện", "Như Xuân"), ("huyện", "Như Thanh"),
    ("huyện", "Nông Cống"), ("huyện", "Đông Sơn"), ("huyện", "Triệu Sơn"), ("huyện", "Thiệu Hóa"),
    ("huyện", "Yên Định"), ("huyện", "Thọ Xuân"), ("huyện", "Quảng Xương"),
]

# Two syllables make a commune's name (Hoằng Lộc, Quảng Phong, Thiệu Giang…).
COMMUNE_FIRST = ["Hoằng", "Quảng", "Thiệu", "Đông", "Nga", "Hà", "Yên", "Xuân", "Thọ", "Vĩnh", "Cẩm", "Triệu",
                 "Minh", "Tân", "Phú", "An", "Hải", "Định", "Thạch", "Cao", "Thành", "Trung", "Nam", "Bắc",
                 "Hợp", "Đồng", "Tế", "Lộc", "Ngọc", "Văn", "Hưng", "Tiến", "Nông", "Kiên", "Thanh", "Mỹ"]
COMMUNE_SECOND = ["Lộc", "Hòa", "Thành", "Phong", "Sơn", "Thịnh", "Hưng", "Tiến", "Lợi", "Phúc", "Ninh", "Trung",
                  "Long", "Giang", "Châu", "Vinh", "Khê", "Tân", "Xuyên", "Yên", "Đức", "Quý", "Thắng", "Lĩnh",
                  "Trường", "Hải", "Phú", "Bình", "An", "Thái", "Đông", "Minh", "Thủy", "Lạc", "Nghĩa", "Tâm"]

OTHER_PROVINCES = ["Nghệ An", "Ninh Bình", "Hà Tĩnh", "Nam Định", "Hà Nội", "Thái Bình", "Hòa Bình", "Sơn La"]

# Sở after the 2025 reorganisation: (abbreviation, name, phòng, extra units (kind, name, people weight))
CURRENT_SO = [
    ("SNV", "Sở Nội vụ", ["Phòng Tổ chức, biên chế và tổ chức phi chính phủ", "Phòng Công chức, viên chức",
                          "Phòng Xây dựng chính quyền và công tác thanh niên", "Phòng Lao động – Việc làm",
                          "Phòng Người có công", "Phòng Thi đua – Khen thưởng"],
     [("trung_tam", "Trung tâm Lưu trữ lịch sử", 25), ("trung_tam", "Trung tâm Dịch vụ việc làm", 40)]),
    ("STC", "Sở Tài chính", ["Phòng Ngân sách", "Phòng Tài chính doanh nghiệp", "Phòng Quản lý giá và công sản",
                             "Phòng Đầu tư", "Phòng Đăng ký kinh doanh"], []),
    ("SXD", "Sở Xây dựng", ["Phòng Quản lý hoạt động xây dựng", "Phòng Quy hoạch – Kiến trúc",
                            "Phòng Quản lý giao thông", "Phòng Quản lý nhà và thị trường bất động sản"],
     [("trung_tam", "Trung tâm Đăng kiểm phương tiện", 30)]),
    ("SNNMT", "Sở Nông nghiệp và Môi trường", ["Phòng Quản lý đất đai", "Phòng Môi trường",
                                              "Phòng Trồng trọt và Bảo vệ thực vật", "Phòng Chăn nuôi và Thú y",
                                              "Phòng Kế hoạch – Tài chính"],
     [("chi_cuc", "Chi cục Kiểm lâm", 60), ("chi_cuc", "Chi cục Thủy lợi", 30), ("chi_cuc", "Chi cục Thủy sản", 25),
      ("trung_tam", "Trung tâm Khuyến nông", 40)]),
    ("SCT", "Sở Công Thương", ["Phòng Quản lý công nghiệp", "Phòng Quản lý thương mại", "Phòng Quản lý năng lượng"],
     [("chi_cuc", "Chi cục Quản lý thị trường", 80)]),
    ("SGDĐT", "Sở Giáo dục và Đào tạo", ["Phòng Giáo dục phổ thông", "Phòng Giáo dục mầm non và tiểu học",
                                        "Phòng Tổ chức cán bộ", "Phòng Khảo thí và Quản lý chất lượng"], []),
    ("SYT", "Sở Y tế", ["Phòng Nghiệp vụ Y", "Phòng Nghiệp vụ Dược", "Phòng Kế hoạch – Tài chính",
                        "Phòng Tổ chức cán bộ"],
     [("don_vi_su_nghiep", "Bệnh viện Đa khoa tỉnh", 900), ("don_vi_su_nghiep", "Bệnh viện Nhi", 450),
      ("don_vi_su_nghiep", "Bệnh viện Phụ sản", 400), ("don_vi_su_nghiep", "Bệnh viện Y dược cổ truyền", 200),
      ("don_vi_su_nghiep", "Bệnh viện Phổi", 150), ("don_vi_su_nghiep", "Bệnh viện Tâm thần", 120),
      ("don_vi_su_nghiep", "Bệnh viện Mắt", 100), ("trung_tam", "Trung tâm Kiểm soát bệnh tật", 180)]),
    ("SKHCN", "Sở Khoa học và Công nghệ", ["Phòng Quản lý khoa học", "Phòng Chuyển đổi số",
                                          "Phòng Bưu chính, viễn thông"],
     [("trung_tam", "Trung tâm Công nghệ thông tin và Truyền thông", 35)]),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", ["Phòng Quản lý văn hóa", "Phòng Quản lý thể dục thể thao",
                                                    "Phòng Quản lý du lịch"],
     [("don_vi_su_nghiep", "Bảo tàng tỉnh", 40), ("don_vi_su_nghiep", "Thư viện tỉnh", 30),
      ("trung_tam", "Trung tâm Huấn luyện và Thi đấu thể dục thể thao", 60)]),
    ("STP", "Sở Tư pháp", ["Phòng Xây dựng và kiểm tra văn bản", "Phòng Hành chính tư pháp",
                           "Phòng Bổ trợ tư pháp"], [("trung_tam", "Trung tâm Trợ giúp pháp lý nhà nước", 25)]),
    ("SDTTG", "Sở Dân tộc và Tôn giáo", ["Phòng Chính sách dân tộc", "Phòng Tôn giáo"], []),
    ("SNgV", "Sở Ngoại vụ", ["Phòng Lãnh sự", "Phòng Hợp tác quốc tế"], []),
    ("TTr", "Thanh tra tỉnh", ["Phòng Nghiệp vụ 1", "Phòng Nghiệp vụ 2", "Phòng Tiếp công dân"], []),
    ("BQLKKT", "Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp",
     ["Phòng Quản lý đầu tư", "Phòng Quản lý môi trường", "Phòng Quản lý lao động"], []),
]

# Sở dissolved on 01/3/2025, merged into a current one: (abbreviation, name, successor abbreviation)
MERGED_SO = [
    ("SLĐTBXH", "Sở Lao động – Thương binh và Xã hội", "SNV"),
    ("SKHĐT", "Sở Kế hoạch và Đầu tư", "STC"),
    ("STNMT", "Sở Tài nguyên và Môi trường", "SNNMT"),
    ("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", "SNNMT"),
    ("SGTVT", "Sở Giao thông vận tải", "SXD"),
    ("STTTT", "Sở Thông tin và Truyền thông", "SKHCN"),
]
MERGED_SO_PHONG = ["Phòng Kế hoạch – Tài chính", "Phòng Tổ chức cán bộ", "Phòng Quản lý chuyên ngành",
                   "Phòng Pháp chế"]

DISTRICT_PHONG = [
    ("VP", "Văn phòng HĐND và UBND"), ("PNV", "Phòng Nội vụ"), ("PTCKH", "Phòng Tài chính – Kế hoạch"),
    ("PGDĐT", "Phòng Giáo dục và Đào tạo"), ("PYT", "Phòng Y tế"), ("PTP", "Phòng Tư pháp"),
    ("PVHTT", "Phòng Văn hóa và Thông tin"), ("PKTHT", "Phòng Kinh tế và Hạ tầng"),
    ("PTNMT", "Phòng Tài nguyên và Môi trường"), ("PLĐTBXH", "Phòng Lao động – Thương binh và Xã hội"),
    ("PNN", "Phòng Nông nghiệp và Phát triển nông thôn"), ("TTr", "Thanh tra"),
]
COMMUNE_PHONG = [("VP", "Văn phòng HĐND và UBND"), ("PKT", "Phòng Kinh tế"), ("PVHXH", "Phòng Văn hóa – Xã hội")]
# which phòng of the new commune takes over the work of each district phòng (successor)
DISTRICT_TO_COMMUNE = {"VP": "VP", "PNV": "PVHXH", "PTCKH": "PKT", "PGDĐT": "PVHXH", "PYT": "PVHXH",
                       "PTP": "VP", "PVHTT": "PVHXH", "PKTHT": "PKT", "PTNMT": "PKT", "PLĐTBXH": "PVHXH",
                       "PNN": "PKT", "TTr": "VP"}
SCHOOL_KINDS = ["Trường Mầm non", "Trường Tiểu học", "Trường Trung học cơ sở", "Trường Tiểu học và THCS"]

QUALIFICATIONS = {
    "office": ["Cử nhân Luật", "Thạc sĩ Quản lý công", "Cử nhân Kinh tế", "Cử nhân Hành chính học",
               "Kỹ sư Nông nghiệp", "Cử nhân Kế toán", "Thạc sĩ Luật", "Cử nhân Công nghệ thông tin",
               "Kỹ sư Xây dựng", "Cử nhân Quản trị nhân lực"],
    "school": ["Cử nhân Sư phạm Toán", "Cử nhân Sư phạm Ngữ văn", "Cử nhân Sư phạm Tiếng Anh",
               "Cao đẳng Sư phạm Mầm non", "Cử nhân Giáo dục Tiểu học", "Thạc sĩ Lý luận và phương pháp dạy học",
               "Cử nhân Sư phạm Vật lý", "Cử nhân Sư phạm Hóa học"],
    "health": ["Bác sĩ đa khoa", "Bác sĩ chuyên khoa I", "Thạc sĩ Y học", "Cử nhân Điều dưỡng", "Dược sĩ đại học",
               "Kỹ thuật viên Xét nghiệm", "Bác sĩ chuyên khoa II", "Cao đẳng Điều dưỡng"],
}
POSITIONS = {
    "office": [("Chuyên viên", 50), ("Chuyên viên chính", 15), ("Phó Trưởng phòng", 8), ("Trưởng phòng", 4),
               ("Kế toán", 4), ("Văn thư", 3), ("Cán sự", 5), ("Nhân viên", 5)],
    "school": [("Giáo viên", 85), ("Tổ trưởng chuyên môn", 6), ("Phó Hiệu trưởng", 3), ("Hiệu trưởng", 1),
               ("Kế toán", 2), ("Nhân viên văn thư", 2), ("Nhân viên y tế học đường", 1)],
    "health": [("Bác sĩ", 25), ("Điều dưỡng", 40), ("Dược sĩ", 6), ("Kỹ thuật viên", 10), ("Trưởng khoa", 3),
               ("Phó Trưởng khoa", 3), ("Hộ sinh", 5), ("Nhân viên hành chính", 8)],
    "commune": [("Công chức", 40), ("Chủ tịch UBND", 2), ("Phó Chủ tịch UBND", 4), ("Chuyên viên", 30),
                ("Cán bộ", 15), ("Người lao động", 9)],
}

SUMMARIES = [
    "Hoàn thành xuất sắc nhiệm vụ được giao, có sáng kiến được công nhận.",
    "Có thành tích tiêu biểu trong phong trào thi đua, được đồng nghiệp tín nhiệm.",
    "Tham mưu hiệu quả, hoàn thành 100% nhiệm vụ đúng hạn, chất lượng.",
    "Đi đầu trong chuyển đổi số, cải cách hành chính của đơn vị.",
    "Tích cực tham gia các hoạt động xã hội, từ thiện, nhân đạo.",
]
RESULTS = ("Hoàn thành {n}/{n} chỉ tiêu được giao; chủ trì {k} nhiệm vụ trọng tâm, đúng tiến độ; không có "
           "đơn thư khiếu nại; được Lãnh đạo đơn vị đánh giá cao.")
