import time

from django.core.management.base import BaseCommand, CommandError

from search import elastic
from search.indexing import rebuild_entries


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the live, public pages: the database engine's table, then (if "
        "ELASTICSEARCH_URL is set) a new Elasticsearch index that replaces the old one by an alias swap."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        counts = rebuild_entries()
        self.stdout.write(
            f"Bảng tìm kiếm / search table: {counts['product']} sản phẩm, {counts['producer']} chủ thể, "
            f"{counts['story']} câu chuyện; {counts['removed']} mục gỡ bỏ ({time.monotonic() - started:.1f} s)"
        )
        if not elastic.configured():
            self.stdout.write("ELASTICSEARCH_URL chưa đặt: công cụ tìm kiếm cơ sở dữ liệu sẽ trả lời.")
            return
        es_started = time.monotonic()
        try:
            report = elastic.rebuild()
        except elastic.ERRORS as error:
            raise CommandError(f"Elasticsearch không trả lời: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Elasticsearch: {report['documents']} tài liệu vào {report['index']} "
                f"({time.monotonic() - es_started:.1f} s); alias chuyển từ {report['replaced'] or 'không có'}; "
                f"bù {report['caught_up']} thay đổi trong lúc dựng."
            )
        )
