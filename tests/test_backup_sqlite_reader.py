"""On the embedded SQLite database a backup reads as a reader: people keep saving while it runs."""
import os
import subprocess
import sys

import pytest

from .live_server import PROJECT, _manage

pytestmark = pytest.mark.sqlite

# Run inside the app against a SQLite file: hold the backup's snapshot open, write from another
# connection meanwhile, and report whether the write went through and what the snapshot saw.
PROBE = """
import sqlite3
from django.db import connection
from reports import backup
from reports.models import Branch
path = connection.settings_dict["NAME"]
other = sqlite3.connect(path, timeout=1)
other.execute("CREATE TABLE probe (note TEXT)")
other.commit()
with backup._one_snapshot():
    before = Branch.objects.count()
    try:
        other.execute("INSERT INTO probe VALUES ('saved meanwhile')")
        other.execute("UPDATE reports_branch SET name = name")
        other.commit()
        print("write: ok")
    except sqlite3.OperationalError as error:
        print("write:", error)
    print("snapshot:", before == Branch.objects.count())
"""


def test_saves_go_through_while_a_backup_reads(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'office.sqlite3'}"}
    _manage(env, "migrate", "--noinput")
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PROBE], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "write: ok" in done.stdout, done.stdout
    assert "snapshot: True" in done.stdout
