"""Vietnamese vocabulary for the synthetic catalogue.

Product names per OCOP subgroup (with the regions where each one is typical),
producer name patterns per producer type, people's names, and the short texts
that make a generated page read like a real one. Everything here is plain data:
``plan.py`` draws from it with a seeded random generator.
"""

from dataclasses import dataclass

# Economic region slugs (regions: EconomicRegion.slug).
DBSH = "dong-bang-song-hong"
MNPB = "trung-du-mien-nui-phia-bac"
MT = "bac-trung-bo-duyen-hai-mien-trung"
TN = "tay-nguyen"
DNB = "dong-nam-bo"
CL = "dong-bang-song-cuu-long"

NORTH = frozenset({DBSH, MNPB})
SOUTH = frozenset({DNB, CL})
HIGHLANDS = frozenset({MNPB, TN})
COAST = frozenset({DBSH, MT, DNB, CL})
CENTRE_SOUTH = frozenset({MT, TN, DNB, CL})


@dataclass(frozen=True)
class Item:
    """A product name; ``regions`` limits where it is made (None: anywhere)."""

    name: str
    regions: frozenset | None = None


def _items(*entries) -> tuple[Item, ...]:
    return tuple(
        Item(e) if isinstance(e, str) else Item(e[0], None if e[1] is None else frozenset(e[1])) for e in entries
    )


# Share of products per subgroup (percent, roughly the national mix: food dominates).
SUBGROUP_WEIGHTS = {
    "nong-san-tuoi-song": 15,
    "nong-san-so-che": 12,
    "thuc-pham-che-bien": 22,
    "gia-vi": 5,
    "che-tra": 6,
    "ca-phe-ca-cao": 3,
    "do-uong-co-con": 5,
    "do-uong-khong-con": 4,
    "thuc-pham-chuc-nang-thuoc-duoc-lieu": 4,
    "my-pham-thao-duoc": 2,
    "tra-thao-duoc": 3,
    "san-pham-khac-tu-duoc-lieu": 2,
    "do-thu-cong-my-nghe": 2,
    "may-tre-dan": 3,
    "vai-may-mac": 1.5,
    "gom-su": 1,
    "hoa": 1,
    "cay-canh": 0.7,
    "dong-vat-canh": 0.3,
    "du-lich-cong-dong": 1.5,
    "du-lich-sinh-thai": 1.2,
    "diem-du-lich": 0.8,
}

PRODUCTS: dict[str, tuple[Item, ...]] = {
    "nong-san-tuoi-song": _items(
        ("Bưởi da xanh", SOUTH | {MT}),
        ("Bưởi Diễn", NORTH),
        ("Bưởi Phúc Trạch", {MT}),
        ("Cam sành", {MNPB, CL, TN}),
        ("Cam Vinh", {MT}),
        ("Quýt đường", {CL, TN}),
        ("Xoài cát Hòa Lộc", {CL}),
        ("Thanh long ruột đỏ", {DNB, CL, MT}),
        ("Sầu riêng Ri6", {CL, TN, DNB}),
        ("Sầu riêng Monthong", {TN, DNB}),
        ("Vải thiều", NORTH),
        ("Nhãn lồng", {DBSH}),
        ("Bơ sáp", {TN}),
        ("Bơ núi lửa", {TN}),
        ("Chuối tiêu hồng", NORTH),
        ("Chanh leo", HIGHLANDS),
        ("Mận hậu", {MNPB}),
        ("Hồng không hạt", {MNPB}),
        ("Dưa lưới", None),
        ("Rau an toàn", None),
        ("Nấm sò tươi", None),
        ("Trứng gà sạch", None),
        ("Mít Thái", SOUTH),
        ("Chôm chôm", SOUTH),
        ("Na dai", NORTH),
        ("Ổi lê", None),
    ),
    "nong-san-so-che": _items(
        "Gạo thơm",
        ("Gạo ST25", {CL}),
        ("Gạo ST24", {CL, TN}),
        ("Gạo nếp cái hoa vàng", NORTH),
        ("Gạo tám thơm", {DBSH}),
        ("Gạo Séng Cù", {MNPB}),
        ("Gạo lứt đỏ", None),
        ("Hạt điều rang muối", {DNB, TN, MT}),
        ("Hạt tiêu đen", {TN, DNB}),
        ("Mắc ca sấy nứt vỏ", {TN, MNPB}),
        ("Lạc nhân", None),
        ("Đậu xanh", None),
        ("Mật ong rừng", None),
        ("Mật ong hoa cà phê", {TN}),
        ("Mật ong bạc hà", {MNPB}),
        ("Mật ong rừng U Minh", {CL}),
        ("Miến dong", NORTH),
        ("Bún khô", None),
        ("Bánh đa nem", {DBSH}),
        ("Bánh tráng phơi sương", SOUTH),
        ("Nấm hương khô", {MNPB}),
        ("Măng khô", HIGHLANDS | {MT}),
        ("Long nhãn sấy", {DBSH}),
        ("Xoài sấy dẻo", SOUTH),
    ),
    "thuc-pham-che-bien": _items(
        ("Nước mắm", COAST),
        ("Nước mắm cá cơm", COAST),
        ("Mắm tôm", {DBSH, MT}),
        ("Mắm cá linh", {CL}),
        ("Chả cá", COAST),
        ("Chả mực", {DBSH, MT}),
        ("Nem chua", {MT, DBSH}),
        "Giò lụa",
        ("Lạp xưởng", SOUTH),
        ("Thịt trâu gác bếp", {MNPB}),
        ("Lợn cắp nách hun khói", HIGHLANDS),
        ("Lạp sườn hun khói", {MNPB}),
        ("Khô cá lóc", {CL}),
        ("Tôm khô", COAST),
        ("Cá thu một nắng", {MT}),
        ("Bánh pía", {CL}),
        ("Bánh cốm", {DBSH}),
        ("Bánh gai", {DBSH, MT}),
        ("Bánh tráng mè", None),
        ("Kẹo dừa", {CL}),
        ("Kẹo lạc", None),
        ("Kẹo cu đơ", {MT}),
        ("Mứt gừng", None),
        ("Ruốc nấm hương", None),
        ("Tương bần", {DBSH}),
        ("Chả lụa", None),
        ("Cốm làng Vòng", {DBSH}),
        ("Trứng vịt muối", None),
        ("Tré", {MT}),
        ("Bánh tráng", None),
    ),
    "gia-vi": _items(
        ("Tiêu đen", {TN, DNB, CL}),
        ("Muối tôm", {DNB, TN}),
        ("Muối ớt xiêm xanh", None),
        ("Bột nghệ", None),
        ("Tinh bột nghệ", None),
        ("Ớt bột", None),
        ("Tỏi cô đơn", {MT}),
        ("Tỏi Lý Sơn", {MT}),
        ("Sả sấy", None),
        ("Hạt dổi", {MNPB}),
        ("Mắc khén", {MNPB}),
        ("Quế hồi", {MNPB}),
        ("Hành tím", {CL}),
        ("Tương ớt", None),
    ),
    "che-tra": _items(
        ("Chè Shan tuyết", {MNPB}),
        ("Chè Shan tuyết cổ thụ", {MNPB}),
        ("Trà búp", NORTH),
        ("Chè Tân Cương", {MNPB}),
        ("Trà xanh", None),
        ("Hồng trà", {MNPB, TN}),
        ("Trà Ô long", {TN, MNPB}),
        ("Chè móc câu", {MNPB}),
        ("Trà sen", {DBSH}),
        ("Trà ướp hoa nhài", None),
        ("Bạch trà", {MNPB}),
    ),
    "ca-phe-ca-cao": _items(
        ("Cà phê bột", {TN, DNB, MNPB, MT}),
        ("Cà phê rang xay", {TN, DNB, MNPB, MT}),
        ("Cà phê hạt rang", {TN, DNB}),
        ("Cà phê Arabica", {MNPB, TN}),
        ("Cà phê chồn", {TN}),
        ("Cà phê Robusta", {TN, DNB}),
        ("Bột ca cao nguyên chất", {CL, DNB, TN}),
        ("Socola", {CL, DNB, TN}),
    ),
    "do-uong-co-con": _items(
        "Rượu",
        ("Rượu ngô", {MNPB}),
        ("Rượu Bàu Đá", {MT}),
        ("Rượu Làng Vân", {DBSH}),
        ("Rượu cần", HIGHLANDS),
        ("Rượu táo mèo", {MNPB}),
        ("Rượu chuối hột", None),
        ("Rượu nếp cái hoa vàng", NORTH),
        ("Rượu sim", {MT}),
        ("Rượu đông trùng hạ thảo", None),
        ("Rượu vang nho", {MT}),
        ("Rượu dừa", {CL}),
        ("Rượu mơ", NORTH),
    ),
    "do-uong-khong-con": _items(
        "Nước uống đóng chai",
        ("Nước cốt chanh leo", HIGHLANDS),
        ("Nước ép cam", None),
        ("Sữa bắp", None),
        ("Siro dâu tằm", None),
        ("Nước dừa đóng lon", {CL}),
        ("Nước khoáng thiên nhiên", None),
        ("Trà mãng cầu", SOUTH),
        ("Nước ép nhàu", None),
        ("Sữa bò tươi", None),
        ("Nước yến", COAST),
    ),
    "thuc-pham-chuc-nang-thuoc-duoc-lieu": _items(
        ("Sâm Ngọc Linh", {MT}),
        ("Cao Sâm Ngọc Linh", {MT}),
        ("Đông trùng hạ thảo", None),
        ("Nấm linh chi", None),
        ("Cao atiso", {TN, MNPB}),
        ("Tinh bột nghệ vàng", None),
        ("Cao khôi", None),
        ("Sâm Lai Châu", {MNPB}),
        ("Tam thất", {MNPB}),
        ("Yến sào", COAST),
        ("Viên giảo cổ lam", {MNPB, DBSH}),
        ("Cao chè vằng", None),
    ),
    "my-pham-thao-duoc": _items(
        "Tinh dầu sả chanh",
        "Tinh dầu",
        ("Tinh dầu quế", {MNPB}),
        ("Tinh dầu tràm", {MT, CL}),
        ("Tinh dầu bưởi", None),
        "Dầu gội thảo dược",
        ("Xà phòng thiên nhiên", None),
        ("Thuốc tắm người Dao", {MNPB}),
        ("Son môi từ gấc", None),
    ),
    "tra-thao-duoc": _items(
        "Trà túi lọc thảo dược",
        ("Trà atiso", {TN, MNPB}),
        ("Trà giảo cổ lam", {MNPB, DBSH}),
        "Trà hoa cúc",
        "Trà lá sen",
        ("Trà dây", {MNPB}),
        ("Trà mãng cầu xiêm", SOUTH),
        "Trà gạo lứt",
        ("Trà hoa vàng", {MNPB}),
        "Trà cà gai leo",
    ),
    "san-pham-khac-tu-duoc-lieu": _items(
        "Cao dược liệu",
        ("Gối thảo dược", None),
        ("Ngải cứu túi chườm", None),
        ("Muối ngâm chân thảo dược", None),
        ("Hương trầm", {MT, TN}),
        ("Nhang quế", {MNPB, MT}),
        ("Cao lá xông", {MNPB}),
    ),
    "do-thu-cong-my-nghe": _items(
        ("Tranh Đông Hồ", {DBSH}),
        ("Sơn mài", {DBSH}),
        ("Tranh thêu tay", {DBSH, MT}),
        ("Tượng gỗ mỹ nghệ", None),
        ("Đồ đồng mỹ nghệ", {DBSH, MT}),
        ("Nón lá", {MT}),
        ("Nón bài thơ", {MT}),
        ("Đèn lồng", {MT}),
        ("Quạt giấy", {DBSH}),
        ("Trang sức bạc", {MNPB}),
    ),
    "may-tre-dan": _items(
        "Mây tre đan",
        "Giỏ mây",
        ("Chiếu cói", {DBSH, MT}),
        ("Thảm cói", {DBSH}),
        ("Sản phẩm lục bình", {CL}),
        ("Giỏ bèo", {CL}),
        "Ống hút tre",
        "Khay tre",
        ("Đồ gỗ mỹ nghệ", None),
        ("Sản phẩm từ sừng", {DBSH}),
    ),
    "vai-may-mac": _items(
        ("Thổ cẩm", HIGHLANDS | {MT}),
        ("Thổ cẩm dệt tay", HIGHLANDS | {MT}),
        ("Khăn lụa tơ tằm", {DBSH, MT, TN}),
        ("Lụa Vạn Phúc", {DBSH}),
        ("Vải lanh", {MNPB}),
        ("Áo dài thêu tay", None),
        ("Khăn rằn", {CL}),
        ("Túi thổ cẩm", HIGHLANDS),
    ),
    "gom-su": _items(
        ("Gốm Bát Tràng", {DBSH}),
        ("Gốm Chu Đậu", {DBSH}),
        ("Gốm Phù Lãng", {DBSH}),
        ("Gốm Bàu Trúc", {MT}),
        ("Gốm Thanh Hà", {MT}),
        ("Gốm Biên Hòa", {DNB}),
        ("Gốm Vĩnh Long", {CL}),
        "Gốm sứ mỹ nghệ",
        "Bình gốm men lam",
    ),
    "hoa": _items(
        "Lan hồ điệp",
        ("Hoa lan", None),
        ("Đào Nhật Tân", {DBSH}),
        ("Hoa cúc mâm xôi", {CL}),
        ("Hoa hồng", {TN, MNPB}),
        ("Hoa ly", {TN, MNPB}),
        ("Mai vàng", SOUTH | {MT}),
        ("Hoa giấy", {CL}),
    ),
    "cay-canh": _items(
        "Bonsai",
        ("Bonsai mini", None),
        ("Cây cảnh nghệ thuật", None),
        ("Quất cảnh", {DBSH}),
        ("Mai chiếu thủy", SOUTH),
        ("Tùng la hán", None),
    ),
    "dong-vat-canh": _items(
        "Cá Koi",
        ("Cá cảnh", None),
        ("Chim cảnh", None),
        ("Gà tre", SOUTH),
    ),
    "du-lich-cong-dong": _items(
        "Homestay du lịch cộng đồng",
        "Du lịch cộng đồng",
        ("Bản du lịch cộng đồng", {MNPB}),
        ("Làng du lịch cộng đồng", None),
        ("Buôn du lịch cộng đồng", {TN}),
        ("Du lịch cộng đồng miệt vườn", {CL}),
    ),
    "du-lich-sinh-thai": _items(
        "Khu du lịch sinh thái",
        "Trang trại du lịch nông nghiệp",
        ("Vườn trái cây du lịch", SOUTH),
        ("Đồi chè du lịch", {MNPB}),
        ("Farmstay", None),
        ("Du lịch sinh thái rừng tràm", {CL}),
    ),
    "diem-du-lich": _items(
        "Điểm du lịch",
        ("Làng nghề truyền thống", None),
        ("Điểm du lịch làng cổ", {DBSH, MT}),
        ("Điểm du lịch văn hóa", None),
        ("Điểm du lịch thác nước", HIGHLANDS),
    ),
}

# One sentence per subgroup, completed by the product and producer names.
SUMMARIES = {
    "nong-san-tuoi-song": [
        "thu hái đúng độ chín, canh tác theo quy trình an toàn",
        "trồng trên đất bazan, vị ngọt đậm",
    ],
    "nong-san-so-che": ["sơ chế, đóng gói tại vùng nguyên liệu", "phơi sấy tự nhiên, không chất bảo quản"],
    "thuc-pham-che-bien": ["chế biến theo công thức gia truyền", "sản xuất thủ công, đóng gói hút chân không"],
    "gia-vi": ["hương vị đặc trưng của vùng đất", "xay mịn, giữ trọn tinh dầu tự nhiên"],
    "che-tra": ["búp chè hái tay, sao suốt theo lối cổ truyền", "nước xanh, hậu ngọt"],
    "ca-phe-ca-cao": ["rang mộc, không tẩm ướp", "hạt chín đỏ hái chọn lọc"],
    "do-uong-co-con": ["nấu thủ công bằng men lá truyền thống", "ủ trong chum sành"],
    "do-uong-khong-con": ["không đường hóa học, thanh trùng nhẹ", "từ nguyên liệu tươi của địa phương"],
    "thuc-pham-chuc-nang-thuoc-duoc-lieu": ["từ dược liệu trồng dưới tán rừng", "chiết xuất theo quy trình khép kín"],
    "my-pham-thao-duoc": ["chưng cất từ thảo mộc bản địa", "lành tính, không hương liệu tổng hợp"],
    "tra-thao-duoc": ["sấy lạnh giữ hương tự nhiên", "từ vùng dược liệu sạch"],
    "san-pham-khac-tu-duoc-lieu": ["làm thủ công từ thảo mộc địa phương", "theo bài thuốc dân gian"],
    "do-thu-cong-my-nghe": ["do nghệ nhân làng nghề làm hoàn toàn bằng tay", "mang hoa văn truyền thống"],
    "may-tre-dan": ["đan thủ công từ nguyên liệu tự nhiên", "bền, nhẹ, thân thiện môi trường"],
    "vai-may-mac": ["dệt tay với hoa văn truyền thống", "nhuộm màu tự nhiên từ lá rừng"],
    "gom-su": ["nặn tay, nung củi theo lối cổ", "men màu độc đáo của làng gốm"],
    "hoa": ["giống chọn lọc, hoa bền màu", "trồng trong nhà màng công nghệ cao"],
    "cay-canh": ["tạo dáng nghệ thuật bởi nghệ nhân", "giống bản địa, dễ chăm sóc"],
    "dong-vat-canh": ["giống thuần chủng, chăm sóc theo quy trình", "nhân giống tại trại địa phương"],
    "du-lich-cong-dong": ["trải nghiệm văn hóa bản địa, ẩm thực và đời sống làng quê", "lưu trú tại nhà dân"],
    "du-lich-sinh-thai": ["trải nghiệm nông nghiệp giữa thiên nhiên", "tham quan vườn, tự tay thu hoạch"],
    "diem-du-lich": ["điểm đến gắn với di sản và cảnh quan địa phương", "tham quan, chụp ảnh, mua đặc sản"],
}

# Words in producer names per product group (slug of the parent category).
COOPERATIVE_SECTORS = {
    "thuc-pham": ["Nông nghiệp", "Nông nghiệp dịch vụ", "Dịch vụ nông nghiệp", "Nông nghiệp hữu cơ", "Nông sản sạch"],
    "do-uong": ["Sản xuất và Thương mại", "Nông nghiệp dịch vụ", "Chế biến nông sản"],
    "thao-duoc": ["Dược liệu", "Nông lâm nghiệp", "Dược liệu sạch"],
    "thu-cong-my-nghe": ["Thủ công mỹ nghệ", "Mây tre đan", "Dệt thổ cẩm", "Làng nghề"],
    "sinh-vat-canh": ["Hoa cây cảnh", "Nông nghiệp công nghệ cao", "Sinh vật cảnh"],
    "du-lich": ["Du lịch cộng đồng", "Du lịch sinh thái", "Nông nghiệp và Du lịch"],
}
ENTERPRISE_SECTORS = {
    "thuc-pham": ["Thực phẩm", "Nông sản", "Chế biến nông sản", "Thương mại và Dịch vụ", "Nông nghiệp công nghệ cao"],
    "do-uong": ["Đồ uống", "Thực phẩm và Đồ uống", "Sản xuất Thương mại"],
    "thao-duoc": ["Dược liệu", "Dược phẩm", "Công nghệ sinh học"],
    "thu-cong-my-nghe": ["Thủ công mỹ nghệ", "Mỹ nghệ xuất khẩu", "Sản xuất và Thương mại"],
    "sinh-vat-canh": ["Hoa cây cảnh", "Nông nghiệp xanh"],
    "du-lich": ["Du lịch", "Du lịch sinh thái", "Dịch vụ Du lịch"],
}
ENTERPRISE_FORMS = [
    ("Công ty TNHH", 0.55),
    ("Công ty TNHH MTV", 0.2),
    ("Công ty Cổ phần", 0.2),
    ("Doanh nghiệp tư nhân", 0.05),
]
BRAND_FIRST = [
    "An", "Bảo", "Đại", "Đức", "Gia", "Hòa", "Hồng", "Hưng", "Kim", "Minh", "Nam", "Phú", "Phúc",
    "Tân", "Thành", "Thiên", "Trường", "Việt", "Vạn", "Xuân", "Hoàng", "Thịnh", "Ngọc", "Sao",
]  # fmt: skip
BRAND_SECOND = [
    "An", "Phát", "Lộc", "Thịnh", "Hưng", "Long", "Nguyên", "Phong", "Tín", "Thành", "Hậu", "Khang",
    "Lợi", "Sơn", "Xanh", "Việt", "Đạt", "Tâm", "Phước", "Mai", "Quang", "Anh",
]  # fmt: skip

# People (representatives, household businesses).
FAMILY_NAMES = [
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 3), ("Huỳnh", 2), ("Phan", 4.5),
    ("Vũ", 2), ("Võ", 2), ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3),
    ("Dương", 1), ("Lý", 0.5), ("Đinh", 1), ("Trương", 1), ("Lương", 0.5), ("Mai", 0.5),
]  # fmt: skip
MOUNTAIN_FAMILY_NAMES = ["Lò", "Lường", "Hà", "Sùng", "Giàng", "Vàng", "Mùa", "Hoàng", "Nông", "Đinh"]
MALE_MIDDLE = ["Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thành"]
FEMALE_MIDDLE = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh"]
MALE_GIVEN = [
    "Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Long", "Nam", "Sơn", "Thắng", "Bình", "Phúc", "Cường",
    "Trung", "Tài", "Lộc", "Hòa", "Quân", "Khoa", "Đạt", "Thành", "Hiếu", "Toàn", "Vinh", "Kiên",
]  # fmt: skip
FEMALE_GIVEN = [
    "Lan", "Hương", "Hoa", "Mai", "Hằng", "Thảo", "Nga", "Linh", "Trang", "Yến", "Nhung", "Hạnh",
    "Loan", "Phượng", "Thủy", "Liên", "Tâm", "Vân", "Hiền", "Oanh", "Dung", "Xuân",
]  # fmt: skip

# Villages and hamlets: names differ by region.
HAMLET_PREFIX = {
    MNPB: ["Bản", "Thôn"],
    TN: ["Buôn", "Thôn", "Làng"],
    DNB: ["Ấp", "Khu phố"],
    CL: ["Ấp"],
    DBSH: ["Thôn", "Xóm"],
    MT: ["Thôn", "Xóm"],
}
HAMLET_NAMES = [
    "Đông", "Tây", "Nam", "Bắc", "Trung", "Tân Lập", "Phú Hòa", "An Thạnh", "Hòa Bình", "Tân Thành",
    "Thượng", "Hạ", "Mới", "Chợ", "Đình", "Bình An", "Phước Lợi", "Thạnh Phú", "Na", "Pá",
]  # fmt: skip

REVOCATION_REASONS = [
    "Chủ thể không duy trì điều kiện sản xuất theo tiêu chí OCOP.",
    "Sản phẩm không đạt yêu cầu trong đợt kiểm tra chất lượng định kỳ.",
    "Chủ thể ngừng sản xuất, kinh doanh sản phẩm.",
    "Vi phạm quy định về ghi nhãn và sử dụng biểu trưng OCOP.",
]
