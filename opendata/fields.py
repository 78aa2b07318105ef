"""What the open-data files hold: each column once, with its type and its Vietnamese title and
description. The CSV header, the JSONL keys, ``datapackage.json`` (Frictionless Table Schema)
and the field tables on ``/du-lieu-mo/`` are all drawn from these definitions, so they cannot
disagree.

Types are Table Schema v2 types: ``string``, ``integer``, ``number``, ``date``, ``datetime``,
``list`` (in CSV the items joined with ``;``, in JSONL an array).

What is left out, on purpose: a producer's telephone, e-mail, representative, street address
and coordinates. They are on each producer's own page, for a buyer to get in touch; a bulk file
anyone may redistribute is another matter — for a household business they are a person's data
(Nghị định 13/2023/NĐ-CP on personal data protection). Ward and province are enough to map them.
"""

from dataclasses import dataclass, field

LIST_DELIMITER = ";"


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    title: str
    description: str
    constraints: dict = field(default_factory=dict)

    def schema(self) -> dict:
        descriptor = {"name": self.name, "type": self.type, "title": self.title, "description": self.description}
        if self.type == "list":
            descriptor.update(delimiter=LIST_DELIMITER, itemType="string")
        if self.type == "datetime":
            descriptor["format"] = "%Y-%m-%dT%H:%M:%SZ"
        if self.constraints:
            descriptor["constraints"] = dict(self.constraints)
        return descriptor


REQUIRED = {"required": True}
ID = {"required": True, "unique": True, "minimum": 1}

PRODUCT_FIELDS = (
    Field("id", "integer", "Mã sản phẩm", "Mã số của trang sản phẩm trên cổng; không đổi theo thời gian.", ID),
    Field("name", "string", "Tên sản phẩm", "Tên sản phẩm như được công nhận OCOP.", REQUIRED),
    Field("slug", "string", "Định danh trong đường dẫn", "Phần cuối đường dẫn của trang sản phẩm.", REQUIRED),
    Field("url", "string", "Trang sản phẩm", "Địa chỉ đầy đủ của trang sản phẩm trên cổng.", REQUIRED),
    Field(
        "scan_url",
        "string",
        "Đường dẫn quét mã",
        "Địa chỉ ngắn mà mã QR hoặc thẻ NFC trên bao bì mang (dẫn tới trang sản phẩm); trống nếu chưa cấp mã.",
    ),
    Field(
        "gtin",
        "string",
        "Mã GTIN (mã vạch)",
        "Mã số thương phẩm toàn cầu GS1, 14 chữ số; trống nếu chưa khai báo.",
        {"pattern": "[0-9]{14}"},
    ),
    Field("category_code", "string", "Mã phân nhóm", "Mã của phân nhóm sản phẩm theo Chương trình OCOP.", REQUIRED),
    Field("category_name", "string", "Phân nhóm sản phẩm", "Tên phân nhóm sản phẩm.", REQUIRED),
    Field("category_group_code", "string", "Mã nhóm sản phẩm", "Mã của một trong sáu nhóm sản phẩm OCOP.", REQUIRED),
    Field("category_group_name", "string", "Nhóm sản phẩm", "Tên nhóm sản phẩm OCOP (thực phẩm, đồ uống…).", REQUIRED),
    Field(
        "producer_id",
        "integer",
        "Mã chủ thể",
        "Mã của chủ thể sản xuất, khóa ngoại tới cột id của tệp chủ thể; trống nếu trang chủ thể chưa công khai.",
    ),
    Field("producer_name", "string", "Tên chủ thể", "Tên chủ thể sản xuất (hợp tác xã, doanh nghiệp, hộ kinh doanh…)."),
    Field(
        "producer_type",
        "string",
        "Loại hình chủ thể",
        "cooperative (hợp tác xã), enterprise (doanh nghiệp), household (hộ kinh doanh, cơ sở sản xuất), "
        "cooperative_group (tổ hợp tác).",
        {"enum": ["cooperative", "enterprise", "household", "cooperative_group"]},
    ),
    Field("province_code", "string", "Mã tỉnh, thành phố", "Mã tỉnh, thành phố xuất xứ (sau 1/7/2025).", REQUIRED),
    Field("province_name", "string", "Tỉnh, thành phố", "Tỉnh, thành phố xuất xứ (sau 1/7/2025).", REQUIRED),
    Field("ward_code", "string", "Mã xã, phường", "Mã xã, phường, đặc khu xuất xứ (sau 1/7/2025)."),
    Field("ward_name", "string", "Xã, phường", "Xã, phường, đặc khu xuất xứ (sau 1/7/2025)."),
    Field("region_code", "string", "Mã vùng", "Mã vùng kinh tế - xã hội của tỉnh xuất xứ.", REQUIRED),
    Field("region_name", "string", "Vùng kinh tế - xã hội", "Một trong sáu vùng kinh tế - xã hội.", REQUIRED),
    Field("legacy_address", "string", "Địa chỉ cũ", "Địa chỉ xuất xứ theo đơn vị hành chính trước 7/2025."),
    Field("stars", "integer", "Hạng sao", "Hạng OCOP: 3, 4 hoặc 5 sao.", {"required": True, "enum": [3, 4, 5]}),
    Field(
        "score",
        "integer",
        "Tổng điểm",
        "Tổng điểm đánh giá trên 100 (50–69: 3 sao, 70–89: 4 sao, 90–100: 5 sao).",
        {"required": True, "minimum": 0, "maximum": 100},
    ),
    Field(
        "score_production",
        "integer",
        "Điểm phần A",
        "Phần A – sản phẩm và sức mạnh cộng đồng, tối đa 40 điểm.",
        {"minimum": 0, "maximum": 40},
    ),
    Field(
        "score_marketing",
        "integer",
        "Điểm phần B",
        "Phần B – khả năng tiếp thị và câu chuyện sản phẩm, tối đa 25 điểm.",
        {"minimum": 0, "maximum": 25},
    ),
    Field(
        "score_quality",
        "integer",
        "Điểm phần C",
        "Phần C – chất lượng sản phẩm, tối đa 35 điểm.",
        {"minimum": 0, "maximum": 35},
    ),
    Field("level", "string", "Cấp công nhận", "Cấp quốc gia (5 sao) hoặc cấp tỉnh (3 và 4 sao).", REQUIRED),
    Field("decision_number", "string", "Số quyết định", "Số quyết định công nhận, ví dụ 1234/QĐ-UBND.", REQUIRED),
    Field("recognised_on", "date", "Ngày công nhận", "Ngày ký quyết định công nhận (ISO 8601: YYYY-MM-DD).", REQUIRED),
    Field(
        "expires_on",
        "date",
        "Ngày hết hạn",
        "Ngày chứng nhận hết hiệu lực, thường 36 tháng sau ngày công nhận (YYYY-MM-DD).",
        REQUIRED,
    ),
    Field("revoked_on", "date", "Ngày thu hồi", "Ngày chứng nhận bị thu hồi; trống nếu không bị thu hồi."),
    Field("revocation_reason", "string", "Lý do thu hồi", "Lý do thu hồi chứng nhận, nếu có."),
    Field(
        "status",
        "string",
        "Tình trạng chứng nhận",
        "valid (còn hiệu lực), expired (hết hiệu lực) hoặc revoked (đã bị thu hồi), tính theo ngày xuất dữ liệu.",
        {"required": True, "enum": ["valid", "expired", "revoked"]},
    ),
    Field("status_label", "string", "Tình trạng (tiếng Việt)", "Tình trạng chứng nhận bằng tiếng Việt.", REQUIRED),
    Field(
        "certifications",
        "list",
        "Chứng nhận chất lượng",
        "VietGAP, GlobalGAP, HACCP, ISO 22000, hữu cơ…; trong CSV ngăn cách bằng dấu chấm phẩy.",
    ),
    Field("geographical_indication", "string", "Chỉ dẫn địa lý", "Chỉ dẫn địa lý hoặc nhãn hiệu tập thể, nếu có."),
    Field("summary", "string", "Mô tả ngắn", "Mô tả ngắn của sản phẩm."),
    Field(
        "updated_at",
        "datetime",
        "Cập nhật lúc",
        "Lần xuất bản gần nhất của trang sản phẩm (ISO 8601, giờ UTC).",
    ),
)

PRODUCER_FIELDS = (
    Field("id", "integer", "Mã chủ thể", "Mã số của trang chủ thể trên cổng; không đổi theo thời gian.", ID),
    Field("name", "string", "Tên chủ thể", "Tên thường gọi của chủ thể.", REQUIRED),
    Field("legal_name", "string", "Tên pháp lý", "Tên đăng ký của chủ thể.", REQUIRED),
    Field("slug", "string", "Định danh trong đường dẫn", "Phần cuối đường dẫn của trang chủ thể.", REQUIRED),
    Field("url", "string", "Trang chủ thể", "Địa chỉ đầy đủ của trang chủ thể trên cổng.", REQUIRED),
    Field(
        "producer_type",
        "string",
        "Loại hình",
        "cooperative, enterprise, household hoặc cooperative_group.",
        {"required": True, "enum": ["cooperative", "enterprise", "household", "cooperative_group"]},
    ),
    Field("producer_type_label", "string", "Loại hình (tiếng Việt)", "Loại hình chủ thể bằng tiếng Việt.", REQUIRED),
    Field("province_code", "string", "Mã tỉnh, thành phố", "Mã tỉnh, thành phố nơi chủ thể đặt trụ sở (sau 1/7/2025)."),
    Field("province_name", "string", "Tỉnh, thành phố", "Tỉnh, thành phố nơi chủ thể đặt trụ sở (sau 1/7/2025)."),
    Field("ward_code", "string", "Mã xã, phường", "Mã xã, phường, đặc khu (sau 1/7/2025)."),
    Field("ward_name", "string", "Xã, phường", "Xã, phường, đặc khu (sau 1/7/2025)."),
    Field("region_code", "string", "Mã vùng", "Mã vùng kinh tế - xã hội."),
    Field("region_name", "string", "Vùng kinh tế - xã hội", "Một trong sáu vùng kinh tế - xã hội."),
    Field("legacy_address", "string", "Địa chỉ cũ", "Địa chỉ theo đơn vị hành chính trước 7/2025."),
    Field("founded_year", "integer", "Năm thành lập", "Năm thành lập, nếu có.", {"minimum": 1900, "maximum": 2100}),
    Field("website", "string", "Trang web", "Trang web của chủ thể, nếu có."),
    Field(
        "product_count",
        "integer",
        "Số sản phẩm",
        "Số sản phẩm OCOP của chủ thể có trong tệp sản phẩm.",
        {"required": True, "minimum": 0},
    ),
    Field(
        "verified_story_count",
        "integer",
        "Số câu chuyện đã thẩm định",
        "Số câu chuyện của chủ thể đã qua thẩm định và được công khai.",
        {"required": True, "minimum": 0},
    ),
    Field(
        "updated_at",
        "datetime",
        "Cập nhật lúc",
        "Lần xuất bản gần nhất của trang chủ thể (ISO 8601, giờ UTC).",
    ),
)
