def pytest_configure(config):
    from django.conf import settings

    # Argon2 is the product's hasher (see test_settings); tests log in with a fast one.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
    ]
