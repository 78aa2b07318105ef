from django.db import migrations


def load(apps, schema_editor):
    from regions.loader import load_regions

    load_regions(
        apps.get_model("regions", "EconomicRegion"),
        apps.get_model("regions", "Province"),
        apps.get_model("regions", "Ward"),
        apps.get_model("regions", "FormerProvince"),
    )


class Migration(migrations.Migration):
    dependencies = [("regions", "0002_ward_name_key")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
