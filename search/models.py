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


class SearchTerm(models.Model):
    """A folded word of the index and how many visible entries hold it: the vocabulary that typos,
    run-together words and "did you mean" are matched against (``search.vocabulary``).

    Kept with the index (``search.indexing``): each entry's change adds and removes its words; a
    rebuild recounts them all. A word no entry holds any more keeps its row with 0 entries, so a
    process can catch up by reading only the rows changed since it last looked.
    """

    term = models.CharField(max_length=40, primary_key=True)
    entries = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = "từ trong chỉ mục"
        verbose_name_plural = "từ trong chỉ mục"

    def __str__(self):
        return f"{self.term} ({self.entries})"


class SearchSynonym(models.Model):
    """Words that mean the same to a shopper, added by editors to the list in the repository
    (``search/synonyms.txt``). Used when a query is read, on both engines, so a change needs no re-indexing.
    """

    terms = models.CharField(
        "các cách gọi",
        max_length=300,
        help_text="Các từ hoặc cụm từ cùng nghĩa, cách nhau bằng dấu phẩy. Ví dụ: khoai mì, sắn, củ mì",
    )
    note = models.CharField("ghi chú", max_length=200, blank=True)
    updated_at = models.DateTimeField("cập nhật", auto_now=True)

    class Meta:
        verbose_name = "từ đồng nghĩa"
        verbose_name_plural = "từ đồng nghĩa"
        ordering = ["terms"]

    def __str__(self):
        return self.terms
