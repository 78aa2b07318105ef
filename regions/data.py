"""Reference data that no package ships: the six socio-economic regions and
which of them each of the 34 post-2025 provinces belongs to."""

# (slug, Vietnamese name, English name)
ECONOMIC_REGIONS = [
    ("trung-du-mien-nui-phia-bac", "Trung du và miền núi phía Bắc", "Northern Midlands and Mountains"),
    ("dong-bang-song-hong", "Đồng bằng sông Hồng", "Red River Delta"),
    ("bac-trung-bo-duyen-hai-mien-trung", "Bắc Trung Bộ và duyên hải miền Trung", "North Central and Central Coast"),
    ("tay-nguyen", "Tây Nguyên", "Central Highlands"),
    ("dong-nam-bo", "Đông Nam Bộ", "Southeast"),
    ("dong-bang-song-cuu-long", "Đồng bằng sông Cửu Long", "Mekong River Delta"),
]

# Province code → region slug, for the 34 provinces after 1 July 2025
# (the regional grouping used in the 2021–2030 national master plan, applied
# to the merged provinces).
PROVINCE_REGION = {
    # Trung du và miền núi phía Bắc (9)
    "04": "trung-du-mien-nui-phia-bac",  # Cao Bằng
    "08": "trung-du-mien-nui-phia-bac",  # Tuyên Quang
    "11": "trung-du-mien-nui-phia-bac",  # Điện Biên
    "12": "trung-du-mien-nui-phia-bac",  # Lai Châu
    "14": "trung-du-mien-nui-phia-bac",  # Sơn La
    "15": "trung-du-mien-nui-phia-bac",  # Lào Cai
    "19": "trung-du-mien-nui-phia-bac",  # Thái Nguyên
    "20": "trung-du-mien-nui-phia-bac",  # Lạng Sơn
    "25": "trung-du-mien-nui-phia-bac",  # Phú Thọ
    # Đồng bằng sông Hồng (6)
    "01": "dong-bang-song-hong",  # Hà Nội
    "22": "dong-bang-song-hong",  # Quảng Ninh
    "24": "dong-bang-song-hong",  # Bắc Ninh
    "31": "dong-bang-song-hong",  # Hải Phòng
    "33": "dong-bang-song-hong",  # Hưng Yên
    "37": "dong-bang-song-hong",  # Ninh Bình
    # Bắc Trung Bộ và duyên hải miền Trung (8)
    "38": "bac-trung-bo-duyen-hai-mien-trung",  # Thanh Hóa
    "40": "bac-trung-bo-duyen-hai-mien-trung",  # Nghệ An
    "42": "bac-trung-bo-duyen-hai-mien-trung",  # Hà Tĩnh
    "44": "bac-trung-bo-duyen-hai-mien-trung",  # Quảng Trị
    "46": "bac-trung-bo-duyen-hai-mien-trung",  # Huế
    "48": "bac-trung-bo-duyen-hai-mien-trung",  # Đà Nẵng
    "51": "bac-trung-bo-duyen-hai-mien-trung",  # Quảng Ngãi
    "56": "bac-trung-bo-duyen-hai-mien-trung",  # Khánh Hòa
    # Tây Nguyên (3)
    "52": "tay-nguyen",  # Gia Lai
    "66": "tay-nguyen",  # Đắk Lắk
    "68": "tay-nguyen",  # Lâm Đồng
    # Đông Nam Bộ (3)
    "75": "dong-nam-bo",  # Đồng Nai
    "79": "dong-nam-bo",  # Hồ Chí Minh
    "80": "dong-nam-bo",  # Tây Ninh
    # Đồng bằng sông Cửu Long (5)
    "82": "dong-bang-song-cuu-long",  # Đồng Tháp
    "86": "dong-bang-song-cuu-long",  # Vĩnh Long
    "91": "dong-bang-song-cuu-long",  # An Giang
    "92": "dong-bang-song-cuu-long",  # Cần Thơ
    "96": "dong-bang-song-cuu-long",  # Cà Mau
}
