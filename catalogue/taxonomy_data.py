"""The programme's reference lists, loaded by a data migration.

Product groups and subgroups follow the OCOP criteria set of Decision
148/QĐ-TTg (2023): 6 groups, each with its subgroups.
"""

# (slug, name, English name, [(slug, name, English name), ...])
PRODUCT_GROUPS = [
    (
        "thuc-pham",
        "Thực phẩm",
        "Food",
        [
            ("nong-san-tuoi-song", "Nông sản tươi sống", "Fresh agricultural produce"),
            ("nong-san-so-che", "Nông sản sơ chế", "Lightly processed produce"),
            ("thuc-pham-che-bien", "Thực phẩm chế biến", "Processed food"),
            ("gia-vi", "Gia vị", "Spices and condiments"),
            ("che-tra", "Chè và sản phẩm từ chè", "Tea and tea products"),
            ("ca-phe-ca-cao", "Cà phê, ca cao", "Coffee and cocoa"),
        ],
    ),
    (
        "do-uong",
        "Đồ uống",
        "Drinks",
        [
            ("do-uong-co-con", "Đồ uống có cồn", "Alcoholic drinks"),
            ("do-uong-khong-con", "Đồ uống không cồn", "Non-alcoholic drinks"),
        ],
    ),
    (
        "thao-duoc",
        "Dược liệu và sản phẩm từ dược liệu",
        "Medicinal herbs and herbal products",
        [
            (
                "thuc-pham-chuc-nang-thuoc-duoc-lieu",
                "Thực phẩm chức năng, thuốc dược liệu",
                "Supplements and herbal medicines",
            ),
            ("my-pham-thao-duoc", "Mỹ phẩm từ thảo dược", "Herbal cosmetics"),
            ("tra-thao-duoc", "Trà thảo dược", "Herbal teas"),
            ("san-pham-khac-tu-duoc-lieu", "Sản phẩm khác từ dược liệu", "Other herbal products"),
        ],
    ),
    (
        "thu-cong-my-nghe",
        "Thủ công mỹ nghệ",
        "Handicrafts",
        [
            ("do-thu-cong-my-nghe", "Thủ công mỹ nghệ, trang trí", "Decorative handicrafts"),
            ("may-tre-dan", "Mây tre đan, cói, gỗ", "Bamboo, rattan, sedge and wood"),
            ("vai-may-mac", "Vải, may mặc, thổ cẩm", "Textiles, garments and brocade"),
            ("gom-su", "Gốm sứ", "Ceramics"),
        ],
    ),
    (
        "sinh-vat-canh",
        "Sinh vật cảnh",
        "Ornamental plants and animals",
        [
            ("hoa", "Hoa", "Flowers"),
            ("cay-canh", "Cây cảnh", "Ornamental plants"),
            ("dong-vat-canh", "Động vật cảnh", "Ornamental animals"),
        ],
    ),
    (
        "du-lich",
        "Dịch vụ du lịch cộng đồng và điểm du lịch",
        "Community and rural tourism services",
        [
            ("du-lich-cong-dong", "Du lịch cộng đồng", "Community-based tourism"),
            ("du-lich-sinh-thai", "Du lịch sinh thái, nông nghiệp", "Eco- and agri-tourism"),
            ("diem-du-lich", "Điểm du lịch", "Tourist sites"),
        ],
    ),
]

# (slug, name, description)
CERTIFICATIONS = [
    ("vietgap", "VietGAP", "Thực hành sản xuất nông nghiệp tốt của Việt Nam"),
    ("globalgap", "GlobalGAP", "Thực hành nông nghiệp tốt toàn cầu"),
    ("huu-co", "Hữu cơ (TCVN 11041)", "Sản xuất nông nghiệp hữu cơ theo tiêu chuẩn quốc gia"),
    ("huu-co-quoc-te", "Hữu cơ quốc tế (USDA/EU)", "Chứng nhận hữu cơ Hoa Kỳ hoặc Liên minh châu Âu"),
    ("haccp", "HACCP", "Phân tích mối nguy và điểm kiểm soát tới hạn"),
    ("iso-22000", "ISO 22000", "Hệ thống quản lý an toàn thực phẩm"),
    ("iso-9001", "ISO 9001", "Hệ thống quản lý chất lượng"),
    ("fssc-22000", "FSSC 22000", "Chứng nhận hệ thống an toàn thực phẩm"),
    ("chi-dan-dia-ly", "Chỉ dẫn địa lý", "Sản phẩm được bảo hộ chỉ dẫn địa lý"),
]

# (slug, name, domain)
MARKETPLACES = [
    ("shopee", "Shopee", "shopee.vn"),
    ("lazada", "Lazada", "lazada.vn"),
    ("tiki", "Tiki", "tiki.vn"),
    ("sendo", "Sendo", "sendo.vn"),
    ("voso", "Voso", "voso.vn"),
    ("postmart", "Postmart", "postmart.vn"),
    ("tiktok-shop", "TikTok Shop", "tiktok.com"),
]


def load_taxonomy(ProductCategory, Certification, Marketplace) -> None:
    """Create or update the reference lists (models passed in, so migrations can use it)."""
    order = 0
    for slug, name, name_en, subgroups in PRODUCT_GROUPS:
        order += 1
        group, _ = ProductCategory.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "parent": None, "sort_order": order}
        )
        for sub_slug, sub_name, sub_name_en in subgroups:
            order += 1
            ProductCategory.objects.update_or_create(
                slug=sub_slug,
                defaults={"name": sub_name, "name_en": sub_name_en, "parent": group, "sort_order": order},
            )
    for order, (slug, name, description) in enumerate(CERTIFICATIONS):
        Certification.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )
    for order, (slug, name, domain) in enumerate(MARKETPLACES):
        Marketplace.objects.update_or_create(slug=slug, defaults={"name": name, "domain": domain, "sort_order": order})
