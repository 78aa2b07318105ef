from django.db import migrations


def give_codes(apps, schema_editor):
    from scans.models import ensure_product_codes

    ensure_product_codes(apps.get_model("catalogue", "ProductPage"), apps.get_model("scans", "ScanCode"))


class Migration(migrations.Migration):
    dependencies = [("scans", "0001_initial"), ("catalogue", "0004_alter_productpage_options")]

    operations = [migrations.RunPython(give_codes, migrations.RunPython.noop)]
