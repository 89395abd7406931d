"""``python -m extraction.gazetteer``: see ``cli.main``."""

from .cli import main

raise SystemExit(main())
