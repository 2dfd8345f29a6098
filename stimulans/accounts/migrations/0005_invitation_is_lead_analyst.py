from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_user_is_lead_analyst"),
    ]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="is_lead_analyst",
            field=models.BooleanField(default=False, verbose_name="huvudanalytiker"),
        ),
    ]
