"""`manage.py` without its settings says what to set in one line, not with a traceback."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_manage_py_without_a_secret_key_prints_one_clear_line():
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("DJANGO_", "DATABASE_URL"))}
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "manage.py: Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for development)."]
