"""Moved to ``members.identity``; this name stays only while the discussion area's part of
the site export (``discussions/portability.py``, being restructured) still imports
``person_name`` from here. Import from ``members.identity`` instead."""

from members.identity import author_label, person_name

__all__ = ["author_label", "person_name"]
