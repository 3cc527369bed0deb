"""Django's management commands for operators: ``python -m matchfair.web.manage createsuperuser``."""

import os
import sys

from django.core.management import execute_from_command_line


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchfair.web.settings")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
