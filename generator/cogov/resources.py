"""Files cogov ships beside its code: schemas, the site theme, workflows and guides.

They live at the root of the cogov repository (they are part of what a records project uses);
an installed cogov finds its copies under ``<prefix>/share/cogov/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]


def resource(relative: str) -> Path:
    """A shipped file or folder: the checkout's when running from one, else the installed copy."""
    here = CHECKOUT / relative
    if (CHECKOUT / "pyproject.toml").is_file() and here.exists():
        return here
    return Path(sys.prefix) / "share" / "cogov" / relative
