"""The programme's classification: product groups, certifications, marketplaces."""

from django.db import models
from wagtail.admin.panels import FieldPanel


class ProductCategory(models.Model):
    """A product group of the OCOP programme (6 of them) or one of its subgroups."""

    slug = models.SlugField(unique=True)
    name = models.CharField("tên", max_length=120)
    name_en = models.CharField("tên tiếng Anh", max_length=120)
    parent = models.ForeignKey(
        "self",
        verbose_name="thuộc nhóm",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subgroups",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug"), FieldPanel("parent")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "nhóm / phân nhóm sản phẩm"
        verbose_name_plural = "nhóm / phân nhóm sản phẩm"

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    @property
    def group(self) -> "ProductCategory":
        return self.parent if self.parent_id else self


class Certification(models.Model):
    """A quality or farming standard a product may hold (VietGAP, HACCP…)."""

    slug = models.SlugField(unique=True)
    name = models.CharField("tên", max_length=80)
    description = models.CharField("mô tả", max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "chứng nhận"
        verbose_name_plural = "chứng nhận"

    def __str__(self):
        return self.name


class Marketplace(models.Model):
    """An e-commerce platform where OCOP products are sold (Shopee, Voso…)."""

    slug = models.SlugField(unique=True)
    name = models.CharField("tên", max_length=80)
    domain = models.CharField(
        "tên miền",
        max_length=120,
        help_text="Liên kết bán hàng phải thuộc tên miền này (ví dụ shopee.vn).",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("domain")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "sàn thương mại điện tử"
        verbose_name_plural = "sàn thương mại điện tử"

    def __str__(self):
        return self.name

    def accepts_url(self, url: str) -> bool:
        from urllib.parse import urlsplit

        host = (urlsplit(url).hostname or "").lower()
        return host == self.domain or host.endswith("." + self.domain)
