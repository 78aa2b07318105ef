"""A page's virtual tour and 3D model: chosen here, made and drawn by the tours app.

The foreign keys name ``tours.Tour`` and ``tours.Model3D`` as strings, so the catalogue imports
nothing of the tours app; ``Tour.as_json()`` and ``Model3D.as_json()`` give the data, and the
tours app's ``ocop_page_sections`` hook draws them on the page.
"""

from django.db import models


class WithTour(models.Model):
    """Page mixin: a virtual tour shown on the page and served in the API (``tour_data``)."""

    tour = models.ForeignKey(
        "tours.Tour",
        verbose_name="chuyến tham quan ảo 360°",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def tour_data(self) -> dict | None:
        return self.tour.as_json() if self.tour_id else None

    def tour_rendition_needs(self):
        return self.tour.rendition_needs() if self.tour_id else ()


class WithModel3D(models.Model):
    """Page mixin: a 3D model shown on the page and served in the API (``model3d_data``)."""

    model3d = models.ForeignKey(
        "tours.Model3D",
        verbose_name="mô hình 3D",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def model3d_data(self) -> dict | None:
        return self.model3d.as_json() if self.model3d_id else None

    def model3d_rendition_needs(self):
        return self.model3d.rendition_needs() if self.model3d_id else ()
