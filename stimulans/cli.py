"""The `stimulans` console script: a thin wrapper around Django's management commands.

`stimulans init`, `stimulans demo`, `stimulans allocate …`, `stimulans import-population FILE`
and the commands of later apps are management commands; this script only selects the settings.
"""

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stimulans.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv if argv is None else argv)
    argv[0] = "stimulans"
    if len(argv) > 1:
        # Allow both `import-population` and `import_population`.
        argv[1] = argv[1].replace("-", "_") if not argv[1].startswith("-") else argv[1]
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
