"""A second database connection holds the write lock while the portal tries to write.

Needs ``django_db(transaction=True)``: inside a test transaction the portal's own
connection would hold the lock itself.
"""

import sqlite3
from contextlib import contextmanager

from django.db import connection

# The portal's connection gives up after this long instead of the configured 20 s.
SHORT_WAIT_SECONDS = 0.3


@contextmanager
def write_lock_held(table: str):
    """Writes to ``table`` wait for another connection until the portal gives up."""
    settings = connection.settings_dict
    options = settings["OPTIONS"]
    saved = dict(options)
    if connection.vendor == "sqlite":
        # The busy timeout: how long SQLite waits for the lock before "database is locked".
        options["timeout"] = SHORT_WAIT_SECONDS
        holder = _sqlite_holder(settings["NAME"])
    else:
        options["options"] = f"-c lock_timeout={int(SHORT_WAIT_SECONDS * 1000)}"
        holder = _postgresql_holder(settings, table)
    connection.close()  # the next query connects with the short wait
    try:
        with holder:
            yield
    finally:
        options.clear()
        options.update(saved)
        connection.close()


@contextmanager
def _sqlite_holder(path: str):
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # the write lock; readers still read (WAL)
        yield
        other.execute("ROLLBACK")
    finally:
        other.close()


@contextmanager
def _postgresql_holder(settings: dict, table: str):
    import psycopg

    other = psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
    )
    try:
        # SHARE mode lets others read the table but not insert, update or delete.
        other.execute(f"LOCK TABLE {table} IN SHARE MODE")
        yield
        other.rollback()
    finally:
        other.close()
