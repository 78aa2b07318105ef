"""The search index as a table: one row per live, public product, producer or story.

It is the database engine's index (its text is folded — lower case, no
diacritics, "đ" → "d" — so that "ca phe dak dam" finds "Cà phê bột Đắk Đam"), and
it is the outbox that Elasticsearch is fed from: a row changed but not yet sent
is ``dirty``; a row whose page left the public site stays as a ``deleted``
tombstone until Elasticsearch has forgotten it too. So nothing is lost while
Elasticsearch is down, and catching up is sending the dirty rows.
"""

from django.db import models


class EntryKind(models.TextChoices):
    PRODUCT = "product", "Sản phẩm"
    PRODUCER = "producer", "Chủ thể"
    STORY = "story", "Câu chuyện"


class SearchEntryQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(deleted=False)

    def unsynced(self):
        return self.filter(dirty=True)


class SearchEntry(models.Model):
    page_id = models.PositiveIntegerField(primary_key=True)
    kind = models.CharField(max_length=10, choices=EntryKind.choices, db_index=True)
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    # Folded text: what the database engine matches on.
    title_folded = models.CharField(max_length=255, db_index=True)
    text_folded = models.TextField(blank=True, help_text="Every searchable word of the page, folded.")
    # Filters and facets (slugs, as in the public URLs).
    region = models.CharField(max_length=60, blank=True, db_index=True)
    province = models.CharField(max_length=60, blank=True, db_index=True)
    category_group = models.CharField(max_length=80, blank=True, db_index=True)
    category = models.CharField(max_length=80, blank=True)
    stars = models.PositiveSmallIntegerField(null=True, db_index=True)
    producer_type = models.CharField(max_length=20, blank=True, db_index=True)
    # Space-padded slugs (" vietgap ocop "): a "contains" filter works on every database.
    certifications = models.CharField(max_length=500, blank=True)
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    published_at = models.DateTimeField(null=True)
    # What a result card shows, ready to serialise.
    card = models.JSONField(default=dict, blank=True)
    # Elasticsearch bookkeeping.
    dirty = models.BooleanField(default=True, db_index=True)
    deleted = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "mục chỉ mục tìm kiếm"
        verbose_name_plural = "mục chỉ mục tìm kiếm"

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"
