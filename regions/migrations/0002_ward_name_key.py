from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="ward",
            name="name_key",
            field=models.CharField(db_index=True, default="", editable=False, max_length=100, verbose_name="khóa so khớp tên"),
            preserve_default=False,
        ),
    ]
