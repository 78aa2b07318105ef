"""Demo content as plain data: the producers and products named in the seed articles.

The seven 4-star products of Đắk Nông and their producers, and Bắc Kạn's Tài Hoan
arrowroot noodles, are named in the articles; the others are well-known OCOP
specialities of the provinces the articles mention (Tây Ninh, Lâm Đồng, Nghệ An,
Khánh Hòa). Names, places and histories follow public reporting; scores, decision
numbers, barcodes and marketplace links are illustrative. Addresses are the
pre-July-2025 ones: the loader converts them to today's wards and provinces.

Dates are relative ("recognised N months ago") so the demo looks the same whatever
day it is loaded: valid certificates stay valid, the expired one stays expired.
"""

from dataclasses import dataclass, field

COLLECTION_NAME = "Ảnh demo"
IMAGE_CREDIT = "Ảnh minh họa tạo tự động"


@dataclass(frozen=True)
class Paragraph:
    html: str


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str = ""


@dataclass(frozen=True)
class ProducerSpec:
    slug: str
    title: str
    legal_name: str
    producer_type: str  # a ProducerType value
    legacy_address: str
    intro: str
    street_address: str = ""
    representative: str = ""
    founded_year: int | None = None
    scene: str = "hills"  # what the generated picture shows (see images.py)


@dataclass(frozen=True)
class ProductSpec:
    slug: str
    title: str
    producer: str  # producer slug
    category: str  # subgroup slug from taxonomy_data
    stars: int
    scores: tuple[int, int, int]  # A production (≤40), B marketing (≤25), C quality (≤35)
    decision_number: str
    recognised_months_ago: int
    summary: str
    body: tuple
    motif: str  # what the generated pictures show (see images.py)
    certifications: tuple[str, ...] = ()
    marketplaces: tuple[str, ...] = ()
    gtin_payload: str = ""  # 12 digits (GS1 Vietnam prefix 893); the check digit is computed
    geographical_indication: str = ""
    featured: bool = False
    live: bool = True
    revoked_months_ago: int | None = None
    revocation_reason: str = ""
    gallery: tuple[str, ...] = field(default=("pattern", "package"))


# Search pages of each marketplace: a product link that always resolves on the right domain.
MARKETPLACE_SEARCH_URLS = {
    "shopee": "https://shopee.vn/search?keyword={q}",
    "lazada": "https://www.lazada.vn/catalog/?q={q}",
    "tiki": "https://tiki.vn/search?q={q}",
    "sendo": "https://www.sendo.vn/tim-kiem?q={q}",
    "voso": "https://voso.vn/tim-kiem?q={q}",
    "postmart": "https://postmart.vn/tim-kiem?q={q}",
    "tiktok-shop": "https://www.tiktok.com/search?q={q}",
}

P, Q = Paragraph, Quote

PRODUCERS = [
    # --- Đắk Nông (since 7/2025: Lâm Đồng) — the seven 4-star products -------------------
    ProducerSpec(
        slug="htx-bo-nui-lua-krong-no",
        title="HTX Nông nghiệp dịch vụ bơ núi lửa Krông Nô",
        legal_name="Hợp tác xã Nông nghiệp dịch vụ bơ núi lửa Krông Nô",
        producer_type="cooperative",
        legacy_address="Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông",
        founded_year=2019,
        scene="volcano",
        intro=(
            "<p>Hợp tác xã quy tụ các hộ trồng bơ trên vùng đất đỏ bazan của huyện Krông Nô, trong "
            "Công viên địa chất toàn cầu UNESCO Đắk Nông. Thành viên canh tác theo một quy trình chung, "
            "thu hái đúng độ già và đóng thùng có tem truy xuất nguồn gốc.</p>"
        ),
    ),
    ProducerSpec(
        slug="htx-sangs-farm",
        title="HTX Nông nghiệp thương mại, dịch vụ Sang's Farm",
        legal_name="Hợp tác xã Nông nghiệp thương mại, dịch vụ Sang's Farm",
        producer_type="cooperative",
        legacy_address="Xã Nam Dong, Huyện Cư Jút, Tỉnh Đắk Nông",
        scene="orchard",
        intro=(
            "<p>Từ một trang trại gia đình, Sang's Farm trở thành hợp tác xã chuyên trồng và tiêu thụ "
            "bưởi da xanh, liên kết với các hộ xung quanh để có sản lượng ổn định quanh năm.</p>"
        ),
    ),
    ProducerSpec(
        slug="htx-nong-lam-nghiep-huu-co-quang-phu",
        title="HTX Nông lâm nghiệp hữu cơ Quảng Phú",
        legal_name="Hợp tác xã Nông lâm nghiệp hữu cơ Quảng Phú",
        producer_type="cooperative",
        legacy_address="Xã Quảng Phú, Huyện Krông Nô, Tỉnh Đắk Nông",
        scene="orchard",
        intro=(
            "<p>Hợp tác xã trồng cam sành và quýt đường theo hướng hữu cơ ở xã Quảng Phú, ven dòng "
            "Krông Nô: không thuốc diệt cỏ, bón phân hữu cơ ủ tại vườn, giữ thảm cỏ để giữ ẩm cho đất.</p>"
        ),
    ),
    ProducerSpec(
        slug="cong-ty-tnhh-hong-duc",
        title="Công ty TNHH Hồng Đức",
        legal_name="Công ty Trách nhiệm hữu hạn Hồng Đức",
        producer_type="enterprise",
        legacy_address="Xã Nhân Cơ, Huyện Đắk R'Lấp, Tỉnh Đắk Nông",
        scene="workshop",
        intro=(
            "<p>Doanh nghiệp thu mua điều thô của nông dân Đắk Nông, chế biến và rang muối trên dây "
            "chuyền khép kín, bán hạt điều thành phẩm cho thị trường trong nước.</p>"
        ),
    ),
    ProducerSpec(
        slug="htx-san-xuat-lua-gao-buon-choah",
        title="HTX sản xuất lúa gạo Buôn Chóah",
        legal_name="Hợp tác xã sản xuất lúa gạo Buôn Chóah",
        producer_type="cooperative",
        legacy_address="Xã Buôn Choáh, Huyện Krông Nô, Tỉnh Đắk Nông",
        scene="paddy",
        intro=(
            "<p>Buôn Chóah là cánh đồng lúa lớn của Krông Nô, bên dòng sông Sêrêpốk. Hợp tác xã liên kết "
            "các hộ trồng giống ST24 trên cánh đồng mẫu, tự xay xát và đóng gói gạo mang tên quê mình.</p>"
        ),
    ),
    ProducerSpec(
        slug="htx-nong-nghiep-cong-bang-thuan-an",
        title="HTX Nông nghiệp Công Bằng Thuận An",
        legal_name="Hợp tác xã Nông nghiệp Công Bằng Thuận An",
        producer_type="cooperative",
        legacy_address="Xã Thuận An, Huyện Đắk Mil, Tỉnh Đắk Nông",
        representative="Nguyễn Hữu Hạ",
        founded_year=2012,
        scene="hills",
        intro=(
            "<p>Hợp tác xã cà phê ở Thuận An, Đắk Mil, sản xuất theo tiêu chuẩn Thương mại công bằng "
            "(Fairtrade): thành viên chỉ hái quả chín, ghi chép nhật ký vườn và cùng nhau rang xay để "
            "bán cà phê bột, không chỉ bán nhân xanh cho thương lái.</p>"
        ),
    ),
    # --- Bắc Kạn (since 7/2025: Thái Nguyên) -------------------------------------------------
    ProducerSpec(
        slug="htx-tai-hoan",
        title="HTX Tài Hoan",
        legal_name="Hợp tác xã Tài Hoan",
        producer_type="cooperative",
        legacy_address="Xã Côn Minh, Huyện Na Rì, Tỉnh Bắc Kạn",
        street_address="Thôn Chè Cọ",
        representative="Nguyễn Thị Hoan",
        founded_year=2018,
        scene="mountains",
        intro=(
            "<p>Hợp tác xã làm miến dong ở thôn Chè Cọ, xã Côn Minh, cạnh quốc lộ 3B. Nguyên liệu là "
            "bột củ dong riềng đỏ do hàng trăm hộ đồng bào Tày, Nùng, Dao ở Na Rì trồng theo hợp đồng "
            "bao tiêu. Miến dong Tài Hoan đã được xuất khẩu sang Cộng hòa Séc.</p>"
        ),
    ),
    # --- Tây Ninh ------------------------------------------------------------------------------
    ProducerSpec(
        slug="to-hop-tac-banh-trang-gia-loc",
        title="Tổ hợp tác bánh tráng phơi sương Gia Lộc",
        legal_name="Tổ hợp tác sản xuất bánh tráng phơi sương Gia Lộc",
        producer_type="cooperative_group",
        legacy_address="Phường Gia Lộc, Thị xã Trảng Bàng, Tỉnh Tây Ninh",
        scene="village",
        intro=(
            "<p>Các hộ làm bánh tráng lâu năm ở Gia Lộc cùng nhau giữ nghề: tráng bánh từ gạo ngon, "
            "nướng trên bếp củi rồi phơi sương đêm theo cách của người Trảng Bàng.</p>"
        ),
    ),
    ProducerSpec(
        slug="co-so-muoi-tom-hoa-thanh",
        title="Cơ sở muối tôm Hòa Thành",
        legal_name="Hộ kinh doanh cơ sở sản xuất muối tôm Hòa Thành",
        producer_type="household",
        legacy_address="Phường Hiệp Tân, Thị xã Hòa Thành, Tỉnh Tây Ninh",
        scene="workshop",
        intro="<p>Cơ sở gia đình rang muối tôm theo công thức truyền thống của Tây Ninh, đóng hũ tại chỗ.</p>",
    ),
    ProducerSpec(
        slug="htx-dich-vu-nong-nghiep-thanh-tan",
        title="HTX Dịch vụ nông nghiệp Thạnh Tân",
        legal_name="Hợp tác xã Dịch vụ nông nghiệp Thạnh Tân",
        producer_type="cooperative",
        legacy_address="Xã Thạnh Tân, Thành phố Tây Ninh, Tỉnh Tây Ninh",
        scene="orchard",
        intro=(
            "<p>Hợp tác xã của các nhà vườn trồng mãng cầu dưới chân núi Bà Đen, nơi đất pha sỏi đá "
            "và nắng nhiều cho trái thơm, ngọt đậm.</p>"
        ),
    ),
    # --- Lâm Đồng ------------------------------------------------------------------------------
    ProducerSpec(
        slug="htx-atiso-da-lat",
        title="HTX Atiso Đà Lạt",
        legal_name="Hợp tác xã Nông nghiệp Atiso Đà Lạt",
        producer_type="cooperative",
        legacy_address="Phường 12, Thành phố Đà Lạt, Tỉnh Lâm Đồng",
        scene="hills",
        intro=(
            "<p>Các hộ trồng atiso ở ven Đà Lạt liên kết trong hợp tác xã để sấy, chế biến trà túi lọc "
            "và cao atiso từ lá, thân, rễ và bông.</p>"
        ),
    ),
    # --- Nghệ An -------------------------------------------------------------------------------
    ProducerSpec(
        slug="to-hop-tac-nhut-thanh-chuong",
        title="Tổ hợp tác nhút Thanh Chương",
        legal_name="Tổ hợp tác sản xuất nhút Thanh Chương",
        producer_type="cooperative_group",
        legacy_address="Thị trấn Dùng, Huyện Thanh Chương, Tỉnh Nghệ An",
        scene="village",
        intro="<p>Những gia đình muối nhút mít lâu đời ở Thanh Chương cùng làm theo một quy trình chung.</p>",
    ),
    ProducerSpec(
        slug="htx-nuoc-mam-van-phan",
        title="HTX Nước mắm Vạn Phần",
        legal_name="Hợp tác xã Chế biến thủy sản nước mắm Vạn Phần",
        producer_type="cooperative",
        legacy_address="Xã Diễn Vạn, Huyện Diễn Châu, Tỉnh Nghệ An",
        scene="sea",
        intro=(
            "<p>Làng nghề nước mắm Vạn Phần ven biển Diễn Châu ủ chượp cá cơm trong thùng gỗ hàng năm "
            "trời; hợp tác xã đứng ra đóng chai và giữ nhãn hiệu chung.</p>"
        ),
    ),
    ProducerSpec(
        slug="co-so-che-hanh-lam",
        title="Cơ sở chè xanh Hạnh Lâm",
        legal_name="Hộ kinh doanh cơ sở chế biến chè Hạnh Lâm",
        producer_type="household",
        legacy_address="Xã Hạnh Lâm, Huyện Thanh Chương, Tỉnh Nghệ An",
        scene="hills",
        intro="<p>Cơ sở gia đình thu mua búp chè của bà con Hạnh Lâm để sao khô thủ công.</p>",
    ),
    # --- Khánh Hòa -----------------------------------------------------------------------------
    ProducerSpec(
        slug="cong-ty-yen-sao-khanh-hoa",
        title="Công ty Yến sào Khánh Hòa",
        legal_name="Công ty TNHH Nhà nước Một thành viên Yến sào Khánh Hòa",
        producer_type="enterprise",
        legacy_address="Phường Phương Sài, Thành phố Nha Trang, Tỉnh Khánh Hòa",
        street_address="248 Thống Nhất",
        scene="sea",
        intro=(
            "<p>Doanh nghiệp nhà nước khai thác, chế biến yến sào từ các đảo yến tự nhiên của Khánh Hòa "
            "và sản xuất nước yến, tổ yến tinh chế.</p>"
        ),
    ),
    ProducerSpec(
        slug="ho-kinh-doanh-xoai-cam-thanh",
        title="Hộ kinh doanh vườn xoài Cam Thành",
        legal_name="Hộ kinh doanh vườn xoài Cam Thành Bắc",
        producer_type="household",
        legacy_address="Xã Cam Thành Bắc, Huyện Cam Lâm, Tỉnh Khánh Hòa",
        scene="orchard",
        intro="<p>Vườn xoài gia đình trên vùng đất nắng gió Cam Lâm, bán xoài tươi theo mùa.</p>",
    ),
]


PRODUCTS = [
    # --- the seven 4-star products of Đắk Nông ----------------------------------------------
    ProductSpec(
        slug="bo-nui-lua-krong-no",
        title="Bơ núi lửa Krông Nô",
        producer="htx-bo-nui-lua-krong-no",
        category="nong-san-tuoi-song",
        stars=4,
        scores=(32, 19, 27),
        decision_number="1312/QĐ-UBND",
        recognised_months_ago=14,
        motif="avocado",
        certifications=("vietgap",),
        marketplaces=("shopee", "postmart", "voso"),
        gtin_payload="893612040011",
        featured=True,
        summary=(
            "Bơ trồng trên đất đỏ bazan của vùng núi lửa Krông Nô: cơm vàng, dẻo, béo bùi; "
            "thu hái đúng độ già, mỗi thùng có tem truy xuất nguồn gốc."
        ),
        body=(
            P(
                "<p>Krông Nô nằm trong Công viên địa chất toàn cầu UNESCO Đắk Nông, nơi lớp đất đỏ bazan "
                "hình thành từ những đợt phun trào núi lửa cổ giàu khoáng chất. Trên nền đất ấy, thành viên "
                "hợp tác xã trồng bơ xen trong vườn cà phê, hồ tiêu, chăm sóc theo quy trình VietGAP và ghi "
                "nhật ký canh tác cho từng lô.</p>"
            ),
            P(
                "<p>Quả được hái khi vỏ chuyển màu sẫm và cuống đã khô, để chín tự nhiên ở nhiệt độ phòng "
                "từ ba đến năm ngày. Bơ có cơm vàng, dẻo, vị béo bùi, hợp ăn trực tiếp, xay sinh tố hay trộn "
                "salad.</p>"
            ),
        ),
    ),
    ProductSpec(
        slug="buoi-sangs-farm",
        title="Bưởi Sang's Farm",
        producer="htx-sangs-farm",
        category="nong-san-tuoi-song",
        stars=4,
        scores=(30, 18, 26),
        decision_number="1312/QĐ-UBND",
        recognised_months_ago=14,
        motif="pomelo",
        certifications=("vietgap",),
        marketplaces=("shopee", "lazada"),
        summary="Bưởi da xanh ruột hồng, múi ráo, vị ngọt thanh, trồng trên đất bazan Đắk Nông.",
        body=(
            P(
                "<p>Bưởi da xanh được trồng trên đất bazan, tưới nhỏ giọt và bón phân hữu cơ hoai mục. "
                "Trái đạt chuẩn có vỏ xanh bóng, ruột hồng, múi ráo nước, tép giòn và vị ngọt thanh, không "
                "đắng.</p>"
            ),
            P(
                "<p>Mỗi trái được lau sạch, dán tem của hợp tác xã trước khi xuất vườn. Bưởi để nơi thoáng "
                "mát giữ được vài tuần, là món quà quen thuộc dịp lễ Tết.</p>"
            ),
        ),
    ),
    ProductSpec(
        slug="cam-sanh-nui-lua",
        title="Cam sành núi lửa",
        producer="htx-nong-lam-nghiep-huu-co-quang-phu",
        category="nong-san-tuoi-song",
        stars=4,
        scores=(31, 18, 25),
        decision_number="1312/QĐ-UBND",
        recognised_months_ago=14,
        motif="orange",
        certifications=("huu-co", "vietgap"),
        marketplaces=("postmart", "voso"),
        summary="Cam sành trồng hữu cơ ở Quảng Phú, vỏ sần, nhiều nước, vị ngọt đậm chua nhẹ.",
        body=(
            P(
                "<p>Cam sành của hợp tác xã lớn lên trên đất đỏ núi lửa ven sông Krông Nô, được chăm bằng "
                "phân hữu cơ ủ tại vườn và biện pháp sinh học thay cho thuốc hóa học.</p>"
            ),
            P(
                "<p>Trái có vỏ sần, màu xanh pha vàng khi chín, ruột cam đậm, mọng nước, vị ngọt đậm và chua "
                "nhẹ. Cam hợp để vắt nước, ăn tươi hay làm quà.</p>"
            ),
        ),
    ),
    ProductSpec(
        slug="quyt-duong-nui-lua",
        title="Quýt đường núi lửa",
        producer="htx-nong-lam-nghiep-huu-co-quang-phu",
        category="nong-san-tuoi-song",
        stars=4,
        scores=(30, 19, 26),
        decision_number="1312/QĐ-UBND",
        recognised_months_ago=14,
        motif="mandarin",
        certifications=("huu-co",),
        marketplaces=("shopee", "postmart"),
        featured=True,
        summary="Quýt đường vỏ mỏng, dễ bóc, múi mọng và ngọt, trồng theo hướng hữu cơ ở Krông Nô.",
        body=(
            P(
                "<p>Quýt đường được trồng xen cam sành trong vườn hữu cơ của hợp tác xã. Trái nhỏ vừa tay, "
                "vỏ mỏng, dễ bóc, múi mọng nước và có vị ngọt đậm đặc trưng.</p>"
            ),
            P("<p>Quýt chín rộ vào dịp cuối năm; hợp tác xã chỉ hái trái đủ độ ngọt, không dùng chất bảo quản.</p>"),
        ),
    ),
    ProductSpec(
        slug="hat-dieu-rang-muoi",
        title="Hạt điều rang muối",
        producer="cong-ty-tnhh-hong-duc",
        category="thuc-pham-che-bien",
        stars=4,
        scores=(33, 20, 27),
        decision_number="1312/QĐ-UBND",
        recognised_months_ago=14,
        motif="cashew",
        certifications=("haccp", "iso-22000"),
        marketplaces=("shopee", "lazada", "tiki"),
        gtin_payload="893612070019",
        summary="Hạt điều Đắk Nông rang muối còn vỏ lụa, giòn, bùi, mặn vừa; đóng hũ kín giữ độ giòn.",
        body=(
            P(
                "<p>Điều thô được thu mua từ nông dân Đắk Nông ngay trong vụ, phơi khô, phân loại theo kích "
                "cỡ rồi hấp, tách vỏ cứng. Nhân điều còn lớp vỏ lụa được rang với muối hạt trên chảo quay "
                "cho chín đều.</p>"
            ),
            P(
                "<p>Hạt điều thành phẩm giòn, bùi, vị mặn vừa phải. Sản phẩm được đóng hũ hoặc túi zip có "
                "lớp chống ẩm để giữ độ giòn sau khi mở.</p>"
            ),
        ),
    ),
    ProductSpec(
        slug="gao-st24-krong-no",
        title="Gạo ST24 Krông Nô",
        producer="htx-san-xuat-lua-gao-buon-choah",
        category="nong-san-so-che",
        stars=4,
        scores=(31, 19, 25),
        decision_number="1312/QĐ-UBND",
        recognised_months_ago=14,
        motif="rice",
        certifications=("vietgap",),
        marketplaces=("shopee", "postmart"),
        gtin_payload="893612050010",
        summary="Gạo ST24 trồng trên cánh đồng Buôn Chóah: hạt dài, cơm dẻo, thơm mùi lá dứa.",
        body=(
            P(
                "<p>Cánh đồng Buôn Chóah được phù sa sông Sêrêpốk bồi đắp mỗi mùa nước. Hợp tác xã gieo "
                "giống ST24 trên cánh đồng lớn, bón phân cân đối và thu hoạch khi lúa chín đều.</p>"
            ),
            P(
                "<p>Lúa được sấy, xay xát và đóng túi hút chân không ngay tại hợp tác xã. Cơm nấu từ gạo "
                "ST24 mềm, dẻo, có mùi thơm nhẹ của lá dứa và vẫn ngon khi để nguội.</p>"
            ),
        ),
    ),
    ProductSpec(
        slug="ca-phe-bot-dak-dam",
        title="Cà phê bột Đắk Đam",
        producer="htx-nong-nghiep-cong-bang-thuan-an",
        category="ca-phe-ca-cao",
        stars=4,
        scores=(34, 20, 28),
        decision_number="1312/QĐ-UBND",
        recognised_months_ago=14,
        motif="coffee",
        certifications=("vietgap",),
        marketplaces=("shopee", "tiki", "tiktok-shop"),
        gtin_payload="893612060013",
        featured=True,
        summary="Cà phê bột rang mộc từ quả chín của vườn Fairtrade Thuận An, Đắk Mil: đậm, thơm, hậu ngọt.",
        body=(
            P(
                "<p>Thành viên hợp tác xã chỉ hái quả cà phê chín, phơi trên giàn cao và ghi nhật ký vườn "
                "theo tiêu chuẩn Thương mại công bằng (Fairtrade). Hạt nhân được rang mộc, không tẩm hương "
                "liệu, rồi xay và đóng gói có van một chiều.</p>"
            ),
            P(
                "<p>Cà phê bột Đắk Đam có vị đắng dịu, thơm mùi rang, hậu ngọt; pha phin hay pha máy đều hợp. "
                "Bán cà phê thành phẩm giúp bà con không còn phụ thuộc vào giá nhân xanh của thương lái.</p>"
            ),
        ),
    ),
    # --- Bắc Kạn: the arrowroot noodles exported to the Czech Republic -------------------------
    ProductSpec(
        slug="mien-dong-tai-hoan",
        title="Miến dong Tài Hoan",
        producer="htx-tai-hoan",
        category="thuc-pham-che-bien",
        stars=5,
        scores=(38, 23, 32),
        decision_number="1523/QĐ-BNN-VPĐP",
        recognised_months_ago=10,
        motif="noodles",
        certifications=("haccp",),
        marketplaces=("shopee", "lazada", "sendo", "tiki", "voso"),
        gtin_payload="893612010014",
        featured=True,
        summary=(
            "Miến dong làm từ bột củ dong riềng đỏ Na Rì, sợi dai, trong, không hóa chất tẩy trắng; "
            "sản phẩm OCOP 5 sao quốc gia, đã xuất khẩu sang Cộng hòa Séc."
        ),
        body=(
            P(
                "<p>Gia đình chị Nguyễn Thị Hoan làm miến dong từ những năm 1960, khi đó chỉ để ăn trong nhà. "
                "Đầu những năm 1990, vợ chồng chị tự trồng dong riềng để chủ động nguyên liệu; năm 2007 đầu "
                "tư dây chuyền, nâng năng suất từ 50 kg lên 500 kg miến mỗi ngày.</p>"
            ),
            P(
                "<p>Năm 2018, hợp tác xã Tài Hoan ra đời. Miến dong Tài Hoan được công nhận OCOP 4 sao năm "
                "2019 và 5 sao cấp quốc gia năm 2021. Từ năm 2020, sợi miến của Na Rì đã theo những chuyến "
                "hàng sang Praha, Cộng hòa Séc — lần đầu một nông sản Bắc Kạn tới thị trường châu Âu.</p>"
            ),
            Q(
                "Trước đây, các gia đình chỉ sản xuất miến đủ ăn, nay ai cũng sản xuất dư để có bán.",
                "Nguyễn Thị Hoan, Giám đốc HTX Tài Hoan",
            ),
            P(
                "<p>Miến được tráng, phơi nắng tự nhiên, sợi dai và trong, nấu không bị nát. Hợp tác xã ký "
                "hợp đồng bao tiêu củ dong riềng với bà con trong vùng, cam kết giá thu mua cả khi thị "
                "trường xuống.</p>"
            ),
        ),
    ),
    # --- Tây Ninh ------------------------------------------------------------------------------
    ProductSpec(
        slug="banh-trang-phoi-suong-trang-bang",
        title="Bánh tráng phơi sương Trảng Bàng",
        producer="to-hop-tac-banh-trang-gia-loc",
        category="thuc-pham-che-bien",
        stars=4,
        scores=(32, 20, 26),
        decision_number="845/QĐ-UBND",
        recognised_months_ago=20,
        motif="rice_paper",
        certifications=("chi-dan-dia-ly",),
        geographical_indication="Chỉ dẫn địa lý Trảng Bàng cho bánh tráng phơi sương",
        marketplaces=("shopee", "lazada", "postmart"),
        featured=True,
        summary=(
            "Bánh tráng nướng bếp củi rồi phơi sương đêm: mềm, dẻo, không cần nhúng nước, cuốn thịt luộc, rau rừng."
        ),
        body=(
            P(
                "<p>Bánh được tráng mỏng từ bột gạo, phơi nắng, nướng trên bếp củi cho phồng đều, rồi đem "
                "phơi dưới sương đêm cho mềm lại. Nhờ vậy bánh dẻo, thơm, có thể cuốn ngay mà không cần "
                "nhúng nước.</p>"
            ),
            P(
                "<p>Bánh tráng phơi sương cuốn thịt heo luộc với các loại rau rừng, chấm mắm nêm là món "
                "quen thuộc của Trảng Bàng, cũng là quà mang về của khách qua Tây Ninh.</p>"
            ),
        ),
    ),
    ProductSpec(
        slug="muoi-tom-tay-ninh",
        title="Muối tôm Tây Ninh",
        producer="co-so-muoi-tom-hoa-thanh",
        category="gia-vi",
        stars=3,
        scores=(24, 14, 22),
        decision_number="2210/QĐ-UBND",
        recognised_months_ago=8,
        motif="jar",
        marketplaces=("shopee", "tiktok-shop"),
        gtin_payload="893612110012",
        summary="Muối rang với tôm khô, ớt và sả theo công thức Tây Ninh; cay mặn, thơm, chấm trái cây.",
        body=(
            P(
                "<p>Muối hạt được rang với tôm khô xay, ớt, tỏi và sả đến khi khô, tơi. Muối tôm Tây Ninh "
                "có màu cam đỏ, vị cay mặn hài hòa và mùi thơm của tôm.</p>"
            ),
            P("<p>Món chấm quen thuộc cho xoài, cóc, ổi, và là gia vị cho bánh tráng trộn.</p>"),
        ),
    ),
    ProductSpec(
        slug="mang-cau-ba-den",
        title="Mãng cầu Bà Đen",
        producer="htx-dich-vu-nong-nghiep-thanh-tan",
        category="nong-san-tuoi-song",
        stars=4,
        scores=(30, 18, 24),
        decision_number="845/QĐ-UBND",
        recognised_months_ago=20,
        motif="custard_apple",
        certifications=("vietgap",),
        geographical_indication="Nhãn hiệu chứng nhận Mãng cầu Bà Đen",
        marketplaces=("shopee", "postmart"),
        summary="Mãng cầu ta trồng dưới chân núi Bà Đen: trái to, mắt mở đều, cơm trắng, ngọt thơm.",
        body=(
            P(
                "<p>Đất pha sỏi đá dưới chân núi Bà Đen và nắng nóng quanh năm cho trái mãng cầu thơm, "
                "ngọt đậm. Nhà vườn tỉa cành, bao trái và thu hái khi mắt mãng cầu vừa mở.</p>"
            ),
            P("<p>Trái chín mềm sau một đến hai ngày; cơm trắng, ít hạt, ăn tươi hoặc làm sinh tố, kem.</p>"),
        ),
    ),
    # --- Lâm Đồng ------------------------------------------------------------------------------
    ProductSpec(
        slug="tra-atiso-da-lat",
        title="Trà Atiso Đà Lạt",
        producer="htx-atiso-da-lat",
        category="tra-thao-duoc",
        stars=4,
        scores=(31, 19, 27),
        decision_number="1630/QĐ-UBND",
        recognised_months_ago=6,
        motif="artichoke",
        certifications=("vietgap", "iso-22000"),
        marketplaces=("shopee", "lazada", "tiki"),
        gtin_payload="893612090017",
        summary="Trà túi lọc từ bông, lá và rễ atiso trồng ở Đà Lạt; vị ngọt dịu, thanh mát.",
        body=(
            P(
                "<p>Atiso ưa khí hậu mát của Đà Lạt. Bông, lá, thân và rễ được thu hái đúng lứa, rửa sạch, "
                "sấy ở nhiệt độ thấp để giữ màu và hoạt chất, rồi nghiền và đóng túi lọc.</p>"
            ),
            P("<p>Trà có nước vàng nâu, vị ngọt dịu, hậu thanh; dùng nóng hoặc để lạnh đều ngon.</p>"),
        ),
    ),
    # --- Nghệ An -------------------------------------------------------------------------------
    ProductSpec(
        slug="nhut-thanh-chuong",
        title="Nhút Thanh Chương",
        producer="to-hop-tac-nhut-thanh-chuong",
        category="thuc-pham-che-bien",
        stars=3,
        scores=(23, 14, 21),
        decision_number="3187/QĐ-UBND",
        recognised_months_ago=12,
        motif="jar",
        geographical_indication="Nhãn hiệu tập thể Nhút Thanh Chương",
        marketplaces=("postmart", "voso"),
        summary="Mít non thái sợi muối chua với muối, gừng, ớt; giòn, chua dịu, món ăn dân dã xứ Nghệ.",
        body=(
            P(
                "<p>Mít non được gọt vỏ, thái sợi, rửa và bóp muối, trộn gừng, ớt, tỏi rồi nén chặt trong "
                "vại. Sau vài ngày nhút chua dịu, sợi giòn, thơm mùi gừng.</p>"
            ),
            Q("Nhút Thanh Chương, tương Nam Đàn.", "Câu nói dân gian xứ Nghệ"),
            P("<p>Nhút ăn kèm cơm, xào thịt ba chỉ hay nấu canh cá đều đậm vị quê.</p>"),
        ),
    ),
    ProductSpec(
        slug="nuoc-mam-van-phan",
        title="Nước mắm Vạn Phần",
        producer="htx-nuoc-mam-van-phan",
        category="gia-vi",
        stars=3,
        scores=(25, 15, 22),
        decision_number="4021/QĐ-UBND",
        recognised_months_ago=44,  # more than 36 months: the certificate has expired
        motif="bottle",
        geographical_indication="Nhãn hiệu tập thể Nước mắm Vạn Phần",
        marketplaces=("postmart",),
        summary="Nước mắm cá cơm ủ chượp truyền thống của làng nghề Vạn Phần, Diễn Châu.",
        body=(
            P(
                "<p>Cá cơm tươi được trộn muối theo tỉ lệ của làng, ủ trong thùng gỗ từ mười hai tháng trở "
                "lên rồi kéo rút lấy nước mắm nhĩ. Nước mắm có màu cánh gián, mùi thơm, vị mặn hậu ngọt.</p>"
            ),
        ),
    ),
    ProductSpec(
        slug="che-xanh-hanh-lam",
        title="Chè xanh sao khô Hạnh Lâm",
        producer="co-so-che-hanh-lam",
        category="che-tra",
        stars=3,
        scores=(22, 13, 21),
        decision_number="3187/QĐ-UBND",
        recognised_months_ago=26,
        revoked_months_ago=5,
        revocation_reason=(
            "Kiểm tra sau công nhận: cơ sở không duy trì điều kiện sản xuất và chất lượng như hồ sơ đã "
            "đánh giá, không khắc phục trong thời hạn yêu cầu."
        ),
        motif="tea",
        marketplaces=("voso",),
        summary="Chè búp sao khô thủ công từ vùng chè Hạnh Lâm, Thanh Chương.",
        body=(P("<p>Búp chè được hái một tôm hai lá, sao trên chảo gang và vò bằng tay nhiều lượt.</p>"),),
    ),
    # --- Khánh Hòa -----------------------------------------------------------------------------
    ProductSpec(
        slug="yen-sao-khanh-hoa-tinh-che",
        title="Yến sào Khánh Hòa tinh chế",
        producer="cong-ty-yen-sao-khanh-hoa",
        category="thuc-pham-che-bien",
        stars=5,
        scores=(37, 24, 32),
        decision_number="1523/QĐ-BNN-VPĐP",
        recognised_months_ago=10,
        motif="nest",
        certifications=("haccp", "iso-22000", "chi-dan-dia-ly"),
        geographical_indication="Chỉ dẫn địa lý Khánh Hòa cho sản phẩm yến sào",
        marketplaces=("shopee", "lazada", "tiki"),
        gtin_payload="893612100013",
        featured=True,
        summary="Tổ yến đảo thiên nhiên Khánh Hòa, làm sạch lông thủ công, giữ nguyên sợi yến; OCOP 5 sao quốc gia.",
        body=(
            P(
                "<p>Tổ yến được khai thác từ các hang đảo tự nhiên ngoài khơi Khánh Hòa theo mùa, để chim yến "
                "kịp làm tổ mới. Tại xưởng, tổ được ngâm, nhặt lông bằng tay và định hình lại mà không dùng "
                "hóa chất.</p>"
            ),
            P(
                "<p>Yến sào tinh chế dùng để chưng đường phèn, nấu súp hay cháo; mỗi hộp có tem truy xuất "
                "nguồn gốc và chỉ dẫn địa lý Khánh Hòa.</p>"
            ),
        ),
    ),
    ProductSpec(
        slug="xoai-uc-cam-lam",
        title="Xoài Úc Cam Lâm",
        producer="ho-kinh-doanh-xoai-cam-thanh",
        category="nong-san-tuoi-song",
        stars=3,
        scores=(26, 15, 23),
        decision_number="2950/QĐ-UBND",
        recognised_months_ago=18,
        motif="mango",
        certifications=("vietgap",),
        marketplaces=("shopee",),
        summary="Xoài Úc vỏ đỏ hồng, thịt vàng, ít xơ, ngọt đậm, trồng trên đất nắng gió Cam Lâm.",
        body=(
            P(
                "<p>Xoài Úc hợp với khí hậu khô, nắng nhiều của Cam Lâm. Trái được bao từ nhỏ, hái khi vai "
                "trái đầy và vỏ ửng hồng, để chín tự nhiên.</p>"
            ),
        ),
    ),
    # --- a draft: prepared by the producer, never published ------------------------------------
    ProductSpec(
        slug="bo-say-deo-krong-no",
        title="Bơ sấy dẻo Krông Nô",
        producer="htx-bo-nui-lua-krong-no",
        category="thuc-pham-che-bien",
        stars=3,
        scores=(24, 15, 22),
        decision_number="(dự kiến)",
        recognised_months_ago=1,
        motif="avocado",
        live=False,
        summary="Bản nháp: lát bơ sấy dẻo, sản phẩm mới đang hoàn thiện hồ sơ OCOP.",
        body=(P("<p>Bản nháp của hợp tác xã: chưa công bố, không được xuất hiện trên cổng.</p>"),),
        gallery=(),
    ),
]

DEMO_PRODUCT_SLUGS = [spec.slug for spec in PRODUCTS]
DEMO_PRODUCER_SLUGS = [spec.slug for spec in PRODUCERS]
