"""The two datasets and the two formats each is served in: what every file, the data package, the
DCAT catalogue and the page say about them."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import rows
from .fields import PRODUCER_FIELDS, PRODUCT_FIELDS, Field


@dataclass(frozen=True)
class Format:
    extension: str
    media_type: str
    title: str
    # The EU file-type authority (DCAT-AP's vocabulary for dct:format).
    eu_file_type: str
    # Typical size of one row, measured on the generated national catalogue: the page's estimate
    # until a file has been produced once for the current data (then its real size is known).
    bytes_per_row: dict


CSV = Format("csv", "text/csv", "CSV (UTF-8, có BOM)", "CSV", {"products": 640, "producers": 375})
JSONL = Format("jsonl", "application/jsonl", "JSON Lines", "JSON", {"products": 1220, "producers": 650})
FORMATS = (CSV, JSONL)


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    rows: Callable[[], Iterator[dict]]
    count: Callable[[], int]
    keywords: tuple[str, ...]
    foreign_keys: tuple[dict, ...] = ()

    def filename(self, fmt: Format) -> str:
        return f"{self.name}.{fmt.extension}"


PRODUCTS = Dataset(
    name="products",
    title="Sản phẩm OCOP",
    description=(
        "Các sản phẩm đạt 3, 4 hoặc 5 sao của Chương trình Mỗi xã một sản phẩm (OCOP) đang được giới thiệu "
        "công khai trên cổng: hạng sao, điểm, quyết định công nhận, thời hạn và tình trạng chứng nhận, "
        "phân nhóm, xuất xứ theo đơn vị hành chính mới và cũ, chủ thể sản xuất, chứng nhận chất lượng. "
        "Sản phẩm hết hạn hoặc bị thu hồi chứng nhận vẫn có mặt, với tình trạng tương ứng."
    ),
    fields=PRODUCT_FIELDS,
    rows=rows.product_rows,
    count=lambda: rows.public_products().count(),
    keywords=("OCOP", "sản phẩm", "hạng sao", "chứng nhận", "nông sản", "đặc sản"),
    foreign_keys=({"fields": ["producer_id"], "reference": {"resource": "producers", "fields": ["id"]}},),
)
PRODUCERS = Dataset(
    name="producers",
    title="Chủ thể OCOP",
    description=(
        "Các chủ thể sản xuất sản phẩm OCOP (hợp tác xã, doanh nghiệp, hộ kinh doanh, tổ hợp tác) được giới thiệu "
        "công khai trên cổng: loại hình, địa bàn theo đơn vị hành chính mới và cũ, số sản phẩm và số câu chuyện "
        "đã thẩm định."
    ),
    fields=PRODUCER_FIELDS,
    rows=rows.producer_rows,
    count=lambda: rows.public_producers().count(),
    keywords=("OCOP", "chủ thể", "hợp tác xã", "doanh nghiệp", "hộ kinh doanh"),
)
DATASETS = (PRODUCTS, PRODUCERS)


def files() -> dict[str, tuple[Dataset, Format]]:
    """Every downloadable file by its name: ``products.csv`` → (PRODUCTS, CSV)."""
    return {dataset.filename(fmt): (dataset, fmt) for dataset in DATASETS for fmt in FORMATS}
