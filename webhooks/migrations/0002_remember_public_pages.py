"""The pages already public when webhooks arrive count as announced (see ``remember_public_pages``).

It uses today's models rather than the historical ones: the visibility rule and page URLs are
code, not schema. On a fresh database (tests, a new site) it finds nothing.
"""

from django.db import migrations


def remember(apps, schema_editor):
    from webhooks.events import remember_public_pages

    remember_public_pages()


class Migration(migrations.Migration):
    dependencies = [
        ("webhooks", "0001_initial"),
        ("catalogue", "0006_productpage_model3d"),
        ("stories", "0002_alter_storypage_body"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(remember, migrations.RunPython.noop)]
