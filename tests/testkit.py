"""Small helpers several test modules share (importable: tests/ is on sys.path)."""

import socket
import sqlite3


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (for "unreachable" and bind tests)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rows(db, sql, *params):
    """The query's rows as dicts, from a connection opened and closed for it."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()
