#!/usr/bin/env python
import sys

from config import use_settings

if __name__ == "__main__":
    use_settings()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
