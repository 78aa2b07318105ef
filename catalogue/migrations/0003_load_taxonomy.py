from django.db import migrations


def load(apps, schema_editor):
    from catalogue.taxonomy_data import load_taxonomy

    load_taxonomy(
        apps.get_model("catalogue", "ProductCategory"),
        apps.get_model("catalogue", "Certification"),
        apps.get_model("catalogue", "Marketplace"),
    )


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
