"""Vietnam's administrative geography after the July 2025 reorganisation.

34 provinces and 3,321 wards (from ``vietnam-provinces``), grouped into the 6
socio-economic regions, plus the 63 former provinces so that old addresses and
old names ("Đắk Nông") keep working for display and search.
"""

from django.db import models


class EconomicRegion(models.Model):
    """One of the six socio-economic regions (vùng kinh tế - xã hội)."""

    slug = models.SlugField(unique=True)
    name = models.CharField("tên vùng", max_length=100)
    name_en = models.CharField("tên tiếng Anh", max_length=100)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = "vùng kinh tế - xã hội"
        verbose_name_plural = "vùng kinh tế - xã hội"

    def __str__(self):
        return self.name


class Province(models.Model):
    """A province or centrally governed city (tỉnh / thành phố trung ương)."""

    code = models.CharField("mã", max_length=2, primary_key=True)
    name = models.CharField("tên đầy đủ", max_length=100)
    short_name = models.CharField("tên ngắn", max_length=100)
    slug = models.SlugField(unique=True)
    division_type = models.CharField("loại", max_length=40)
    region = models.ForeignKey(EconomicRegion, on_delete=models.PROTECT, related_name="provinces")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["short_name"]
        verbose_name = "tỉnh, thành phố"
        verbose_name_plural = "tỉnh, thành phố"

    def __str__(self):
        return self.short_name


class Ward(models.Model):
    """A commune-level unit after 2025: xã, phường or đặc khu."""

    code = models.CharField("mã", max_length=5, primary_key=True)
    name = models.CharField("tên", max_length=100)
    name_key = models.CharField("khóa so khớp tên", max_length=100, db_index=True, editable=False)
    division_type = models.CharField("loại", max_length=20)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="wards")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "xã, phường"
        verbose_name_plural = "xã, phường"

    def __str__(self):
        return f"{self.name}, {self.province.short_name}"

    @classmethod
    def find(cls, province_code: str, name: str) -> "Ward | None":
        """The ward of this province called ``name``, however its accents and dashes are written.

        Codes are not a safe key across data sources (the same code can name
        different wards in ``vietnam-provinces`` and ``vietnamadminunits``).
        """
        from core.text import name_key

        candidates = list(cls.objects.filter(province_id=province_code, name_key=name_key(name)))
        if len(candidates) > 1:
            exact = " ".join(name.split())
            candidates = [ward for ward in candidates if ward.name == exact]
        return candidates[0] if len(candidates) == 1 else None


class FormerProvince(models.Model):
    """One of the 63 provinces before 1 July 2025, merged into a current one."""

    code = models.CharField("mã cũ", max_length=2, primary_key=True)
    name = models.CharField("tên đầy đủ", max_length=100)
    short_name = models.CharField("tên ngắn", max_length=100)
    slug = models.SlugField(unique=True)
    successor = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="former_provinces")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["short_name"]
        verbose_name = "tỉnh cũ (trước 7/2025)"
        verbose_name_plural = "tỉnh cũ (trước 7/2025)"

    def __str__(self):
        return f"{self.short_name} (nay thuộc {self.successor.short_name})"
