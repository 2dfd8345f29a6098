from django.db import migrations, models


class Migration(migrations.Migration):
    """Stored documents as files in the file storage: the rows stored before keep their bytes
    in `content` and are read from there."""

    dependencies = [
        ("analysis", "0008_quality_flags"),
    ]

    operations = [
        migrations.AddField(
            model_name="storeddocument",
            name="file",
            field=models.FileField(blank=True, max_length=200, upload_to=""),
        ),
        migrations.AlterField(
            model_name="storeddocument",
            name="content",
            field=models.BinaryField(blank=True, default=b""),
        ),
    ]
