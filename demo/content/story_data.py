"""Demo producers' stories as plain data: five stories at the three stages of the authenticity review.

The portal publishes a producer's story only after a reviewer has checked it (site visit, interview,
documents, photos). Three stories here are verified, one waits for review and one was sent back.

The facts follow the seed articles (Đắk Nông's seven 4-star OCOP products and Kế hoạch 653/KH-UBND,
Bắc Kạn's arrowroot noodles exported to the Czech Republic, the national OCOP figures for 2024) and the
producers' and products' descriptions in ``data.py``; where neither gives a detail the text stays vague.
Quotes attributed to a role rather than a name, author names and the reviewers' notes are illustrative.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """One paragraph of rich text; HTML limited to <p>, <h2>, <h3>, <b>, <i>, <ul>/<ol>/<li>."""

    html: str


@dataclass(frozen=True)
class PullQuote:
    text: str
    speaker: str  # a role if no name is in the sources
    role: str = ""


@dataclass(frozen=True)
class Milestone:
    year: int
    title: str
    text: str = ""
    stars: str = ""  # "", "3", "4" or "5"


@dataclass(frozen=True)
class Milestones:
    heading: str
    items: tuple[Milestone, ...]  # years ascending


@dataclass(frozen=True)
class Related:
    heading: str
    products: tuple[str, ...]  # product slugs of the story's producer


@dataclass(frozen=True)
class Evidence:
    method: str  # "site_visit", "interview", "documents" or "photos"
    checked_on: datetime.date
    notes: str  # private reviewer notes


@dataclass(frozen=True)
class StorySpec:
    slug: str
    title: str
    producer: str  # producer slug from data.PRODUCERS
    products: tuple[str, ...]  # product slugs of that producer
    standfirst: str  # <= 300 characters
    author_name: str
    body: tuple  # of Text | PullQuote | Milestones | Related
    review: str  # "verified", "waiting" or "sent_back"
    evidence: tuple[Evidence, ...] = ()  # at least one for "verified"
    public_note: str = ""  # shown under "Đã xác minh"
    attribution: str = "desk"  # "desk" or "reviewer"
    send_back_comment: str = ""  # required for "sent_back"


STORIES: tuple[StorySpec, ...] = (
    # --- 1. verified: the volcanic avocados of Krông Nô -----------------------------------------
    StorySpec(
        slug="bo-nui-lua-krong-no-trai-ngot-tu-dat-do-bazan",
        title="Bơ núi lửa Krông Nô: trái ngọt từ đất đỏ bazan",
        producer="htx-bo-nui-lua-krong-no",
        products=("bo-nui-lua-krong-no",),
        standfirst=(
            "Từ những cây bơ trồng xen trong vườn cà phê, hồ tiêu ở Krông Nô, một hợp tác xã thành lập năm "
            "2019 đã đưa quả bơ của vùng đất núi lửa vào nhóm bảy sản phẩm OCOP 4 sao của Đắk Nông."
        ),
        author_name="Nhóm phóng viên Cổng OCOP",
        body=(
            Text(
                "<p>Xã Đắk Drô, huyện Krông Nô nằm trong Công viên địa chất toàn cầu UNESCO Đắk Nông. Lớp đất "
                "đỏ bazan ở đây hình thành từ những đợt phun trào núi lửa cổ, tơi xốp và giàu khoáng chất. Trên "
                "nền đất ấy, người dân quen với cà phê, hồ tiêu; cây bơ nhiều nhà chỉ trồng xen trong vườn, quả "
                "chín đến đâu bán cho thương lái đến đó, giá cả do người mua quyết định.</p>"
            ),
            Text(
                "<p>Năm 2019, các hộ trồng bơ trong vùng cùng lập <b>Hợp tác xã Nông nghiệp dịch vụ bơ núi lửa "
                "Krông Nô</b>. Điểm chung của các thành viên là một quy trình canh tác thống nhất: chăm sóc theo "
                "hướng VietGAP, ghi nhật ký cho từng lô vườn, thu hái đúng độ già. Cái tên “bơ núi lửa” gắn quả "
                "bơ với chính vùng đất đã nuôi nó, và cũng là lời hứa về chất lượng mà cả hợp tác xã phải cùng "
                "giữ.</p>"
            ),
            Text("<h2>Kỷ luật của người hái bơ</h2>"),
            Text(
                "<p>Theo giám đốc hợp tác xã, khâu khó giữ nhất là thu hái. Quả chỉ được hái khi vỏ đã chuyển "
                "màu sẫm và cuống khô, rồi để chín tự nhiên ở nhiệt độ phòng từ ba đến năm ngày. Hái non thì bán "
                "được sớm hơn, nhưng bơ chín ép sẽ nhạt, cơm sượng, và người mua sẽ không quay lại. Bơ đạt chuẩn "
                "có cơm vàng, dẻo, vị béo bùi; ăn trực tiếp, xay sinh tố hay trộn salad đều hợp.</p>"
            ),
            PullQuote(
                text=(
                    "Hái non thì bán được sớm vài ngày, nhưng khách ăn một lần là không mua nữa. Giữ tiếng cho "
                    "quả bơ núi lửa khó hơn trồng ra nó."
                ),
                speaker="Giám đốc HTX Nông nghiệp dịch vụ bơ núi lửa Krông Nô",
            ),
            Text(
                "<p>Mỗi thùng bơ rời hợp tác xã đều dán tem truy xuất nguồn gốc. Đó cũng là hướng tỉnh Đắk Nông "
                "hỗ trợ các chủ thể OCOP trong những năm gần đây: cấp mã QR truy xuất nguồn gốc, gắn tem nhãn, "
                "hỗ trợ máy móc, xây dựng website giới thiệu sản phẩm, để giá bán minh bạch và ổn định hơn. Bên "
                "cạnh khách quen, bơ của hợp tác xã đã được đưa lên sàn thương mại điện tử, đúng với mục tiêu "
                "tỉnh đặt ra là mỗi sản phẩm OCOP có mặt trên ít nhất một sàn.</p>"
            ),
            Text("<h2>Một trong bảy sản phẩm 4 sao</h2>"),
            Text(
                "<p>Ngày 11/11/2022, UBND tỉnh Đắk Nông ban hành Kế hoạch số 653/KH-UBND thực hiện Chương trình "
                "OCOP giai đoạn 2021–2025, đặt mục tiêu đến năm 2025 có trên 80 sản phẩm OCOP, trong đó ít nhất "
                "10% đạt 4–5 sao. Theo thống kê được công bố sau đó, toàn tỉnh có 60 sản phẩm OCOP của 54 chủ "
                "thể, nhưng chỉ 7 sản phẩm đạt 4 sao. Bơ núi lửa Krông Nô đứng trong nhóm ấy, cùng bưởi Sang's "
                "Farm, cam sành và quýt đường núi lửa của Quảng Phú, hạt điều rang muối của Công ty TNHH Hồng "
                "Đức, gạo ST24 Krông Nô và cà phê bột Đắk Đam.</p>"
            ),
            Milestones(
                heading="Hành trình đến 4 sao OCOP",
                items=(
                    Milestone(
                        year=2019,
                        title="Thành lập hợp tác xã",
                        text=(
                            "Các hộ trồng bơ ở Krông Nô cùng lập HTX, thống nhất quy trình canh tác và ghi nhật "
                            "ký vườn."
                        ),
                    ),
                    Milestone(
                        year=2022,
                        title="Tỉnh ban hành Kế hoạch 653/KH-UBND",
                        text=(
                            "Đắk Nông đặt mục tiêu ít nhất 10% sản phẩm OCOP đạt 4–5 sao vào năm 2025, hỗ trợ "
                            "truy xuất nguồn gốc và bán hàng trên sàn thương mại điện tử."
                        ),
                    ),
                    Milestone(
                        year=2023,
                        title="Có tên trong bảy sản phẩm OCOP 4 sao của Đắk Nông",
                        text="Bơ núi lửa Krông Nô được ghi nhận với thứ hạng 4 sao theo Bộ tiêu chí OCOP quốc gia.",
                        stars="4",
                    ),
                ),
            ),
            Text(
                "<p>Với các thành viên, ngôi sao thứ tư không phải là đích đến. Giấy chứng nhận OCOP có thời hạn "
                "ba năm, sản phẩm phải giữ được chất lượng qua những lần đánh giá lại, và mỗi mùa bơ lại là một "
                "lần thử thách kỷ luật chung. Từ ngày 1/7/2025, Đắk Nông hợp nhất vào tỉnh Lâm Đồng; vùng bơ "
                "Krông Nô nay thuộc một tỉnh mới, nhưng quả bơ vẫn mang tên vùng đất núi lửa đã làm nên nó.</p>"
            ),
        ),
        review="verified",
        evidence=(
            Evidence(
                method="site_visit",
                checked_on=datetime.date(2025, 6, 12),
                notes=(
                    "Đến xã Đắk Drô cùng giám đốc HTX, đi hai vườn của hộ thành viên: bơ trồng xen cà phê, hồ "
                    "tiêu, đúng như bài viết. Xem sổ nhật ký canh tác ghi theo lô, khu để quả chờ chín và thùng "
                    "hàng đã dán tem; quét thử mã QR trên tem, dẫn đúng về HTX. Đang vụ thu hái, thấy thành viên "
                    "chỉ hái quả đã sẫm vỏ."
                ),
            ),
            Evidence(
                method="interview",
                checked_on=datetime.date(2025, 6, 12),
                notes=(
                    "Phỏng vấn trực tiếp giám đốc HTX tại trụ sở, khoảng một giờ. Xác nhận năm thành lập 2019, "
                    "quy trình hái đúng độ già và để chín ba đến năm ngày. Giám đốc đã đọc lại và đồng ý với câu "
                    "trích dẫn. Các số liệu cấp tỉnh (60 sản phẩm, 7 sản phẩm 4 sao, Kế hoạch 653) đối chiếu với "
                    "nguồn báo chí, không lấy từ lời kể."
                ),
            ),
        ),
        public_note="Phóng viên đã đến vườn bơ ở xã Đắk Drô và phỏng vấn giám đốc hợp tác xã ngày 12/6/2025.",
        attribution="reviewer",
    ),
    # --- 2. verified: Tài Hoan's arrowroot noodles ----------------------------------------------
    StorySpec(
        slug="mien-dong-tai-hoan-tu-na-ri-toi-cong-hoa-sec",
        title="Miến dong Tài Hoan: từ gian bếp Na Rì tới Cộng hòa Séc",
        producer="htx-tai-hoan",
        products=("mien-dong-tai-hoan",),
        standfirst=(
            "Từ nghề làm miến để ăn trong nhà, một gia đình ở Côn Minh, Na Rì đã đưa sợi miến dong riềng đỏ "
            "thành sản phẩm OCOP 5 sao quốc gia, theo những chuyến hàng xuất khẩu sang Cộng hòa Séc."
        ),
        author_name="Ban Biên tập Cổng OCOP",
        body=(
            Text(
                "<p>Thôn Chè Cọ, xã Côn Minh, huyện Na Rì (tỉnh Bắc Kạn cũ, nay thuộc tỉnh Thái Nguyên) nằm "
                "ngay cạnh quốc lộ 3B. Ở đây, nghề làm miến gắn với củ dong riềng đỏ, thứ cây mà đồng bào Tày, "
                "Nùng, Dao trong vùng trồng trên những triền đồi. Miến dong Tài Hoan, sản phẩm OCOP 5 sao quốc "
                "gia, đi ra từ chính nơi này.</p>"
            ),
            Text(
                "<p>Gia đình chị Nguyễn Thị Hoan làm miến dong từ những năm 1960, khi ấy chỉ đủ ăn trong nhà. "
                "Đầu những năm 1990, vợ chồng chị tự trồng dong riềng để chủ động nguyên liệu. Năm 2007, gia "
                "đình đầu tư dây chuyền, nâng năng suất từ khoảng 50 kg lên 500 kg miến mỗi ngày, bước ngoặt "
                "đưa nghề phụ thành nghề chính.</p>"
            ),
            Text("<h2>Từ hộ gia đình đến hợp tác xã</h2>"),
            Text(
                "<p>Năm 2018, Hợp tác xã Tài Hoan ra đời. Nguyên liệu là bột củ dong riềng đỏ do hàng trăm hộ "
                "ở Na Rì trồng theo hợp đồng bao tiêu; hợp tác xã cam kết giá thu mua cả khi thị trường xuống. "
                "Có đầu ra ổn định, người trồng dong riềng bớt đi nỗi lo được mùa mất giá.</p>"
            ),
            PullQuote(
                text="Trước đây, các gia đình chỉ sản xuất miến đủ ăn, nay ai cũng sản xuất dư để có bán.",
                speaker="Nguyễn Thị Hoan",
                role="Giám đốc HTX Tài Hoan",
            ),
            Text(
                "<p>Sợi miến được tráng rồi phơi nắng tự nhiên, không dùng hóa chất tẩy trắng; miến dai, trong, "
                "nấu không bị nát. Năm 2019, Miến dong Tài Hoan được công nhận OCOP 4 sao; năm 2021, sản phẩm "
                "được công nhận OCOP 5 sao cấp quốc gia, thứ hạng cao nhất của chương trình. Đến hết năm 2024, "
                "trong trên 14.642 sản phẩm OCOP của cả nước, chỉ có 51 sản phẩm đạt 5 sao.</p>"
            ),
            Milestones(
                heading="Đường đến 5 sao",
                items=(
                    Milestone(
                        year=2007,
                        title="Đầu tư dây chuyền sản xuất",
                        text="Năng suất tăng từ khoảng 50 kg lên 500 kg miến mỗi ngày.",
                    ),
                    Milestone(
                        year=2018,
                        title="Thành lập Hợp tác xã Tài Hoan",
                        text="Ký hợp đồng bao tiêu củ dong riềng đỏ với bà con Tày, Nùng, Dao ở Na Rì.",
                    ),
                    Milestone(year=2019, title="Được công nhận OCOP 4 sao", stars="4"),
                    Milestone(
                        year=2020,
                        title="Xuất khẩu sang Cộng hòa Séc",
                        text="Sợi miến Na Rì theo những chuyến hàng tới Praha.",
                    ),
                    Milestone(year=2021, title="Được công nhận OCOP 5 sao cấp quốc gia", stars="5"),
                ),
            ),
            Text("<h2>Lên sàn và sang Praha</h2>"),
            Text(
                "<p>Bắc Kạn bắt tay vào Chương trình OCOP khá muộn so với nhiều địa phương, nhưng đi nhanh nhờ "
                "chuyển đổi số. Tính đến tháng 11/2021, hàng trăm sản phẩm của tỉnh đã được đăng bán trên "
                "Shopee, Lazada, Sendo, Tiki, Voso. Khảo sát của Sở Nông nghiệp và Phát triển nông thôn với 30 "
                "chủ thể OCOP tiêu biểu cho thấy chuyển đổi số đã góp phần giúp 73% chủ thể tăng doanh thu từ "
                "1,1 đến 1,5 lần.</p>"
            ),
            Text(
                "<p>Trong câu chuyện ấy, miến dong của HTX Tài Hoan được nêu đích danh như một minh chứng: sản "
                "phẩm đã được xuất khẩu sang Cộng hòa Séc. Từ năm 2020, sợi miến Na Rì theo những chuyến hàng "
                "tới Praha, đưa nông sản Bắc Kạn đến với thị trường châu Âu và góp phần nâng thu nhập cho những "
                "hộ trồng dong riềng ở vùng nguyên liệu.</p>"
            ),
            Text(
                "<p>Hơn nửa thế kỷ sau những mẻ miến đầu tiên trong gian bếp gia đình, hợp tác xã vẫn giữ cách "
                "làm cũ ở khâu quan trọng nhất: bột dong riềng đỏ của vùng, nắng tự nhiên và sự kiên nhẫn của "
                "người làm miến.</p>"
            ),
            Related(heading="Sản phẩm của HTX Tài Hoan", products=("mien-dong-tai-hoan",)),
        ),
        review="verified",
        evidence=(
            Evidence(
                method="documents",
                checked_on=datetime.date(2025, 2, 17),
                notes=(
                    "Đối chiếu bản sao quyết định công nhận OCOP 5 sao cấp quốc gia và giấy chứng nhận OCOP 4 "
                    "sao cấp tỉnh do HTX gửi: tên sản phẩm, tên chủ thể khớp với hồ sơ trên cổng. Xem giấy đăng "
                    "ký HTX (thành lập năm 2018) và chứng từ một lô hàng xuất sang Cộng hòa Séc; lô sớm nhất HTX "
                    "cung cấp ghi năm 2020. Không dùng số liệu sản lượng xuất khẩu trong bài."
                ),
            ),
            Evidence(
                method="photos",
                checked_on=datetime.date(2025, 2, 17),
                notes=(
                    "HTX gửi ảnh xưởng tráng miến, giàn phơi miến ngoài trời và kho bột dong riềng; dữ liệu ảnh "
                    "cho thấy chụp trong tháng 1/2025, khung cảnh khớp với ảnh hiện trường trong hồ sơ OCOP. "
                    "Không thấy dấu hiệu ảnh mượn hay chỉnh sửa."
                ),
            ),
            Evidence(
                method="interview",
                checked_on=datetime.date(2025, 2, 20),
                notes=(
                    "Phỏng vấn qua điện thoại chị Nguyễn Thị Hoan, giám đốc HTX, khoảng 40 phút. Xác nhận các "
                    "mốc 2007 (50 kg lên 500 kg/ngày), 2018, 2019, 2021 và việc ký bao tiêu với hộ trồng dong. "
                    "Mốc “những năm 1960” chỉ dựa trên lời kể của gia đình nên bài giữ cách viết ước lệ, không "
                    "nêu năm cụ thể. Chị đồng ý với câu trích dẫn."
                ),
            ),
        ),
        public_note=(
            "Đã đối chiếu quyết định công nhận OCOP, ảnh xưởng sản xuất và phỏng vấn giám đốc hợp tác xã tháng 2/2025."
        ),
    ),
    # --- 3. verified: the Fairtrade coffee of Thuận An -------------------------------------------
    StorySpec(
        slug="ca-phe-dak-dam-hat-chin-va-chu-cong-bang",
        title="Cà phê Đắk Đam: hạt chín, sổ vườn và chữ “công bằng”",
        producer="htx-nong-nghiep-cong-bang-thuan-an",
        products=("ca-phe-bot-dak-dam",),
        standfirst=(
            "Ở Thuận An, Đắk Mil, thành viên một hợp tác xã cà phê chỉ hái quả chín, ghi nhật ký vườn và tự "
            "rang xay để bớt phụ thuộc vào giá nhân xanh. Cà phê bột Đắk Đam của họ là một trong bảy sản phẩm "
            "OCOP 4 sao của Đắk Nông."
        ),
        author_name="Phóng viên Cổng OCOP tại Tây Nguyên",
        body=(
            Text(
                "<p>Mùa cà phê chín ở Thuận An, Đắk Mil, thành viên Hợp tác xã Nông nghiệp Công Bằng Thuận An "
                "không tuốt cả cành như cách làm cho nhanh vẫn thấy ở nhiều nơi. Người hái đi từng gốc, chọn "
                "những chùm quả đã chín, quả còn xanh để lại cho lứa sau. Cách hái ấy chậm hơn, tốn công hơn, "
                "nhưng là điều kiện đầu tiên để có một ly cà phê thơm, ngọt hậu.</p>"
            ),
            Text(
                "<p>Hợp tác xã được thành lập năm 2012 ở xã Thuận An, huyện Đắk Mil (tỉnh Đắk Nông cũ). Cái tên "
                "“Công Bằng” nói lên con đường các thành viên chọn: sản xuất theo tiêu chuẩn <i>Thương mại công "
                "bằng</i> (Fairtrade). Mỗi hộ ghi chép nhật ký vườn, từ lần bón phân đến ngày thu hái, để sản "
                "phẩm có thể truy lại đến từng vườn.</p>"
            ),
            Text("<h2>Không chỉ bán nhân xanh</h2>"),
            Text(
                "<p>Lâu nay, phần lớn cà phê của vùng được bán dưới dạng nhân xanh cho thương lái, giá lên xuống "
                "theo thị trường. Hợp tác xã chọn một hướng khác: cùng nhau rang xay, bán cà phê thành phẩm mang "
                "tên Đắk Đam. Quả chín được phơi trên giàn cao; hạt nhân rang mộc, không tẩm hương liệu, rồi xay "
                "và đóng gói trong túi có van một chiều để giữ mùi thơm.</p>"
            ),
            Text(
                "<p>Cà phê bột Đắk Đam có vị đắng dịu, thơm mùi rang và hậu ngọt, pha phin hay pha máy đều hợp. "
                "Với các hộ thành viên, bán được cà phê thành phẩm nghĩa là bớt phụ thuộc vào giá nhân xanh, "
                "phần giá trị gia tăng ở lại nhiều hơn với người trồng.</p>"
            ),
            PullQuote(
                text=(
                    "Việc tạo ra một sản phẩm đã khó, nhưng đưa sản phẩm lên kệ hàng siêu thị và duy trì nó lại "
                    "càng khó hơn. Ai kể được câu chuyện giàu cảm xúc nhất qua sản phẩm thì người đó sẽ thắng."
                ),
                speaker="Lê Minh Hoan",
                role="Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn (khi phát biểu)",
            ),
            Text("<h2>Trong nhóm 4 sao của Đắk Nông</h2>"),
            Text(
                "<p>Cà phê bột Đắk Đam là một trong bảy sản phẩm OCOP 4 sao của Đắk Nông, trong tổng số 60 sản "
                "phẩm OCOP của tỉnh. Theo đánh giá của tỉnh, nhóm sản phẩm này mang đặc trưng về nguyên liệu địa "
                "phương, văn hóa và tri thức bản địa, được sản xuất theo hướng hữu cơ, chất lượng cao và phù hợp "
                "với thị hiếu người tiêu dùng.</p>"
            ),
            Text(
                "<p>Kế hoạch số 653/KH-UBND mà tỉnh ban hành tháng 11/2022 đặt mục tiêu 100% sản phẩm OCOP có "
                "mặt trên ít nhất một sàn thương mại điện tử, mỗi huyện và thành phố Gia Nghĩa có ít nhất một "
                "điểm trưng bày, giới thiệu sản phẩm. Với một hợp tác xã đã quen ghi chép minh bạch từ vườn, việc "
                "gắn mã truy xuất và đưa cà phê lên kênh bán hàng trực tuyến là bước tiếp nối tự nhiên.</p>"
            ),
            Milestones(
                heading="Những dấu mốc của cà phê Đắk Đam",
                items=(
                    Milestone(
                        year=2012,
                        title="Thành lập HTX Nông nghiệp Công Bằng Thuận An",
                        text="Các hộ trồng cà phê ở Thuận An, Đắk Mil cùng sản xuất theo tiêu chuẩn Fairtrade.",
                    ),
                    Milestone(
                        year=2022,
                        title="Tỉnh ban hành Kế hoạch 653/KH-UBND",
                        text="Mục tiêu đưa 100% sản phẩm OCOP lên ít nhất một sàn thương mại điện tử.",
                    ),
                    Milestone(
                        year=2023,
                        title="Có tên trong bảy sản phẩm OCOP 4 sao của Đắk Nông",
                        stars="4",
                    ),
                    Milestone(
                        year=2025,
                        title="Thuận An về tỉnh Lâm Đồng",
                        text="Từ ngày 1/7/2025, Đắk Nông hợp nhất vào tỉnh Lâm Đồng.",
                    ),
                ),
            ),
            Text(
                "<p>Vùng cà phê Thuận An nay thuộc một tỉnh mới, còn nếp làm của hợp tác xã thì vẫn vậy: hái quả "
                "chín, ghi sổ vườn, rang mộc. Chữ “công bằng” trong tên gọi, với họ, bắt đầu từ chính sự trung "
                "thực với hạt cà phê.</p>"
            ),
        ),
        review="verified",
        evidence=(
            Evidence(
                method="site_visit",
                checked_on=datetime.date(2025, 10, 22),
                notes=(
                    "Đến trụ sở và xưởng rang của HTX ở Thuận An (nay thuộc tỉnh Lâm Đồng), cùng giám đốc HTX "
                    "đi hai vườn của hộ thành viên. Đầu vụ thu hoạch, thấy thành viên hái chọn quả chín; xem giàn "
                    "phơi cao, sổ nhật ký vườn theo mẫu Fairtrade, máy rang và máy đóng túi có van một chiều. "
                    "Chụp lại giấy đăng ký HTX (năm 2012) và chứng nhận Fairtrade còn hiệu lực để lưu hồ sơ."
                ),
            ),
        ),
        public_note="Phóng viên đã đến vườn và xưởng rang của hợp tác xã ở Thuận An ngày 22/10/2025.",
    ),
    # --- 4. waiting: Sang's Farm pomelos ---------------------------------------------------------
    StorySpec(
        slug="buoi-sangs-farm-tu-trang-trai-gia-dinh-den-hop-tac-xa",
        title="Bưởi Sang's Farm: từ trang trại gia đình đến hợp tác xã",
        producer="htx-sangs-farm",
        products=("buoi-sangs-farm",),
        standfirst=(
            "Bưởi da xanh vốn là cây của miền Tây Nam Bộ. Trên đất đỏ bazan Cư Jút, một trang trại gia đình đã "
            "trở thành hợp tác xã, liên kết các hộ quanh vùng và đưa trái bưởi vào nhóm sản phẩm OCOP 4 sao của "
            "Đắk Nông."
        ),
        author_name="Nhóm phóng viên Cổng OCOP",
        body=(
            Text(
                "<p>Ở xã Nam Dong, huyện Cư Jút, cái tên Sang's Farm ban đầu chỉ là một trang trại gia đình trồng "
                "bưởi da xanh. Những năm gần đây, trang trại ấy trở thành Hợp tác xã Nông nghiệp thương mại, dịch "
                "vụ Sang's Farm, liên kết với các hộ trồng bưởi xung quanh để có sản lượng ổn định quanh năm, thay "
                "vì chỉ trông vào một mùa vụ của một khu vườn.</p>"
            ),
            Text(
                "<p>Bưởi da xanh vốn là giống cây của miền Tây Nam Bộ. Mang lên đất đỏ bazan Đắk Nông, người trồng "
                "phải học lại cách chăm: tưới nhỏ giọt để giữ ẩm qua mùa khô, bón phân hữu cơ hoai mục, theo dõi "
                "từng lứa trái. Hợp tác xã canh tác theo hướng VietGAP; các hộ liên kết làm theo một quy trình "
                "chung để trái bưởi từ vườn nào cũng đạt cùng một chuẩn.</p>"
            ),
            Text("<h2>Trái bưởi đạt chuẩn</h2>"),
            Text(
                "<p>Một trái bưởi Sang's Farm đạt chuẩn có vỏ xanh bóng, ruột hồng, múi ráo nước, tép giòn và vị "
                "ngọt thanh, không đắng. Trước khi xuất vườn, mỗi trái được lau sạch và dán tem của hợp tác xã. "
                "Để nơi thoáng mát, bưởi giữ được vài tuần, vì vậy trở thành món quà quen thuộc dịp lễ, Tết.</p>"
            ),
            Text(
                "<p>Sự đồng đều ấy giúp bưởi Sang's Farm có tên trong bảy sản phẩm OCOP 4 sao của Đắk Nông, cùng "
                "bơ núi lửa Krông Nô, cam sành và quýt đường núi lửa Quảng Phú, hạt điều rang muối Hồng Đức, gạo "
                "ST24 Krông Nô và cà phê bột Đắk Đam. Trong số 60 sản phẩm OCOP của tỉnh khi đó, 53 sản phẩm đạt "
                "3 sao; để lên 4 sao, một sản phẩm phải chứng minh được chất lượng ổn định, tổ chức sản xuất bài "
                "bản và khả năng đứng vững trên thị trường.</p>"
            ),
            Text("<h2>Bài toán đầu ra</h2>"),
            Text(
                "<p>Với một hợp tác xã trái cây, làm ra trái ngon mới là một nửa chặng đường. Kế hoạch số "
                "653/KH-UBND của tỉnh đặt mục tiêu mỗi năm 100% sản phẩm OCOP có mặt trên ít nhất một sàn thương "
                "mại điện tử, doanh thu qua các chuỗi phân phối tăng 5–10% mỗi năm. Tem nhãn, mã QR truy xuất "
                "nguồn gốc và những gian hàng trực tuyến là cách để trái bưởi của Cư Jút đi xa hơn những sạp chợ "
                "quen.</p>"
            ),
            Text(
                "<p>Con đường phía trước của hợp tác xã vẫn là liên kết. Mỗi hộ tham gia là thêm một khu vườn phải "
                "theo cùng một quy trình, một kỷ luật chung, điều khó hơn nhiều so với việc trồng thêm một gốc "
                "bưởi. Từ ngày 1/7/2025, Đắk Nông hợp nhất vào tỉnh Lâm Đồng; vườn bưởi Cư Jút nay thuộc một tỉnh "
                "mới, và trái bưởi ruột hồng lại có thêm một vùng đất để kể về mình.</p>"
            ),
            Related(heading="Sản phẩm của Sang's Farm", products=("buoi-sangs-farm",)),
        ),
        review="waiting",
    ),
    # --- 5. sent back: ST24 rice of Buôn Chóah ---------------------------------------------------
    StorySpec(
        slug="gao-st24-buon-choah-ben-dong-serepok",
        title="Gạo ST24 Buôn Chóah: hạt gạo bên dòng Sêrêpốk",
        producer="htx-san-xuat-lua-gao-buon-choah",
        products=("gao-st24-krong-no",),
        standfirst=(
            "Trên cánh đồng phù sa bên sông Sêrêpốk, các hộ trồng lúa ở Krông Nô cùng gieo một giống ST24, tự "
            "sấy, xay xát và đóng gói gạo mang tên quê mình: sản phẩm lúa gạo duy nhất trong bảy sản phẩm OCOP "
            "4 sao của Đắk Nông."
        ),
        author_name="Ban Biên tập Cổng OCOP",
        body=(
            Text(
                "<p>Xã Buôn Choáh, huyện Krông Nô nằm bên dòng Sêrêpốk. Mỗi mùa nước, phù sa bồi lên những thửa "
                "ruộng ven sông, làm nên một trong những cánh đồng lúa lớn của Krông Nô. Giữa một vùng đất quen "
                "với cà phê, hồ tiêu, cánh đồng ấy là nơi người dân gắn bó với cây lúa nước qua nhiều thế hệ.</p>"
            ),
            Text(
                "<p>Hợp tác xã sản xuất lúa gạo Buôn Chóah liên kết các hộ trồng lúa trên cánh đồng mẫu, gieo cùng "
                "một giống ST24, giống lúa thơm có nguồn gốc từ Sóc Trăng, và chăm sóc theo một lịch chung. Lúa "
                "được bón phân cân đối, thu hoạch khi chín đều, tránh cảnh mỗi thửa một giống, mỗi nhà một kiểu "
                "làm khiến hạt gạo không đồng đều.</p>"
            ),
            Text("<h2>Tự sấy, tự xay, tự đóng gói</h2>"),
            Text(
                "<p>Điều làm nên khác biệt của hạt gạo Buôn Chóah là hợp tác xã tự làm các khâu sau thu hoạch. "
                "Lúa được sấy, xay xát và đóng túi hút chân không ngay tại hợp tác xã, mang tên Gạo ST24 Krông Nô. "
                "Cơm nấu từ gạo mềm, dẻo, có mùi thơm nhẹ của lá dứa và vẫn ngon khi để nguội.</p>"
            ),
            PullQuote(
                text=(
                    "Bán lúa tươi tại ruộng thì giá do người mua quyết định. Có túi gạo mang tên Krông Nô, mình "
                    "mới nói được chuyện chất lượng."
                ),
                speaker="Giám đốc HTX sản xuất lúa gạo Buôn Chóah",
            ),
            Text(
                "<p>Gạo ST24 Krông Nô là một trong bảy sản phẩm OCOP 4 sao của Đắk Nông, và là sản phẩm lúa gạo "
                "duy nhất trong nhóm ấy, bên cạnh những nông sản quen thuộc của Tây Nguyên như cà phê, hạt điều, "
                "bơ hay cam, quýt, bưởi. Theo đánh giá của tỉnh, các sản phẩm 4 sao mang đặc trưng về nguyên liệu "
                "địa phương và tri thức bản địa, được sản xuất theo hướng hữu cơ, chất lượng cao.</p>"
            ),
            Text("<h2>Đưa hạt gạo đi xa</h2>"),
            Text(
                "<p>Theo hợp tác xã, gạo đã có mặt ở nhiều siêu thị ngoài tỉnh và được khách hàng đặt mua đều đặn "
                "qua các kênh trực tuyến. Kế hoạch số 653/KH-UBND của tỉnh Đắk Nông đặt mục tiêu 100% sản phẩm "
                "OCOP được đưa lên ít nhất một sàn thương mại điện tử và doanh thu qua các chuỗi phân phối tăng "
                "5–10% mỗi năm.</p>"
            ),
            Text(
                "<p>Với các hộ thành viên, trồng theo cánh đồng mẫu và bán gạo có thương hiệu nghĩa là hạt lúa "
                "không còn phải bán tươi tại ruộng với giá do thương lái đặt. Từ ngày 1/7/2025, Đắk Nông hợp nhất "
                "vào tỉnh Lâm Đồng; cánh đồng Buôn Chóah nay thuộc một tỉnh mới, nhưng tên quê vẫn in trên từng "
                "túi gạo.</p>"
            ),
        ),
        review="sent_back",
        evidence=(
            Evidence(
                method="documents",
                checked_on=datetime.date(2025, 9, 16),
                notes=(
                    "Nhận qua email bản scan giấy chứng nhận VietGAP và quyết định công nhận OCOP 4 sao. Giấy "
                    "VietGAP ghi đúng tên HTX, còn hiệu lực. Bản scan quyết định OCOP bị mờ, không đọc được số "
                    "quyết định và ngày ký. Chưa có ảnh lò sấy, sân phơi hay dây chuyền xay xát; không có tài liệu "
                    "nào về việc bán gạo vào siêu thị ngoài tỉnh."
                ),
            ),
        ),
        send_back_comment=(
            "Cảm ơn hợp tác xã. Trước khi đăng, nhờ bổ sung: (1) ảnh chụp gần đây lò sấy hoặc sân phơi lúa và "
            "dây chuyền xay xát, đóng gói hút chân không tại hợp tác xã, vì bài viết nói HTX tự sấy, xay xát "
            "nhưng hồ sơ chưa có ảnh nào; (2) bản sao rõ nét quyết định công nhận OCOP 4 sao cho Gạo ST24 Krông "
            "Nô, bản scan đã gửi bị mờ, không đọc được số quyết định và ngày ký; (3) hợp đồng hoặc hóa đơn cho "
            "câu “gạo đã có mặt ở nhiều siêu thị ngoài tỉnh”; nếu không có, đề nghị bỏ câu này hoặc viết lại "
            "đúng với thực tế."
        ),
    ),
)
