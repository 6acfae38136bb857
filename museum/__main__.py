"""Entry point for `python -m museum`."""

import sys

from museum.cli import main

sys.exit(main())
