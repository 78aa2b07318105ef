from django.core.management.base import BaseCommand

from regions.loader import load_regions


class Command(BaseCommand):
    help = "Create or update the 6 regions, 34 provinces, 3,321 wards and 63 former provinces (idempotent)."

    def handle(self, *args, **options):
        report = load_regions()
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.regions} vùng, {report.provinces} tỉnh/thành, {report.wards} xã/phường, "
                f"{report.former_provinces} tỉnh cũ"
            )
        )
