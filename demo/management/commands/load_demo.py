"""``manage.py load_demo``: the demo catalogue and accounts, idempotently."""

import time
from io import StringIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from catalogue.models import ProducerPage, ProductMarketplaceLink, ProductPage
from demo.content.accounts import ACCOUNTS
from demo.content.data import COLLECTION_NAME
from demo.content.loader import load_demo
from stories.models import StoryPage

ADMIN_URL = "http://127.0.0.1:8000/admin/"


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu demo: sản phẩm và chủ thể OCOP thật trong các bài báo, ảnh minh họa, tài khoản demo "
        "(chạy lại nhiều lần không tạo bản trùng). Loads the demo catalogue and demo accounts, idempotently; "
        "passwords are generated on each run (or taken from DEMO_PASSWORD) and printed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even when DEBUG is off (never do this on a production database).",
        )
        parser.add_argument(
            "--image-width",
            type=int,
            default=1200,
            help="Width in pixels of the generated pictures (height is 3/4 of it). Default: 1200.",
        )

    def handle(self, *args, force=False, image_width=1200, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG đang tắt: load_demo tạo tài khoản demo nên không chạy trên môi trường thật. "
                "DEBUG is off; refusing to load demo content and accounts. Use --force if you are sure."
            )
        if not 120 <= image_width <= 4000:
            raise CommandError("--image-width must be between 120 and 4000.")

        started = time.monotonic()
        report = load_demo(image_width=image_width)
        # The demo runs the scheduled work too, as a production cron job would.
        call_command("run_periodic_tasks", stdout=StringIO())
        elapsed = time.monotonic() - started

        from wagtail.images import get_image_model

        products = ProductPage.objects.all()
        created, updated = report.created, report.updated
        demo_images = get_image_model().objects.filter(collection__name=COLLECTION_NAME).count()
        demo_users = get_user_model().objects.filter(username__in=[spec.username for spec in ACCOUNTS]).count()
        lines = [
            (
                "Chủ thể / producers",
                ProducerPage.objects.count(),
                f"mới/new {created['producers']}, cập nhật/updated {updated['producers']}",
            ),
            (
                "Sản phẩm / products",
                products.count(),
                f"mới/new {created['products']}, "
                f"cập nhật/updated {updated['products']}; {products.live().count()} live, "
                f"{products.filter(live=False).count()} nháp/draft",
            ),
            ("Ảnh demo / demo images", demo_images, f"vẽ mới/drawn {created['images']}"),
            (
                "Câu chuyện / stories",
                StoryPage.objects.count(),
                f"mới/new {created.get('stories', 0)}; {StoryPage.objects.live().count()} đã xác minh/verified, "
                f"{StoryPage.objects.filter(live=False).count()} chờ thẩm định hoặc trả lại/in review or sent back",
            ),
            ("Liên kết sàn / shop links", ProductMarketplaceLink.objects.count(), ""),
            ("Tài khoản demo / accounts", demo_users, ""),
        ]
        self.stdout.write(self.style.SUCCESS(f"Đã nạp dữ liệu demo / demo content loaded in {elapsed:.1f} s"))
        for label, total, detail in lines:
            self.stdout.write(f"  {label:<26} {total:>5}" + (f"  ({detail})" if detail else ""))
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(f"Tài khoản demo / demo accounts — {ADMIN_URL}"))
        width = max(len(c.password) for c in report.credentials) if report.credentials else 8
        header = f"  {'Tên đăng nhập':<14} {'Mật khẩu / password':<{max(width, 20)}}  Vai trò / role"
        self.stdout.write(header)
        self.stdout.write("  " + "-" * (len(header) - 2))
        for credential in report.credentials:
            password = credential.password or "(tài khoản có sẵn, không đổi / existing account, unchanged)"
            self.stdout.write(f"  {credential.username:<14} {password:<{max(width, 20)}}  {credential.role}")
        self.stdout.write(
            "  Mật khẩu mới được tạo mỗi lần chạy (hoặc lấy từ DEMO_PASSWORD). "
            "Passwords change on every run unless DEMO_PASSWORD is set."
        )
