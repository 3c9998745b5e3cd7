"""The README's Python example runs as written, through ``import vigie`` alone; the dependency
that trafilatura needs with a recent lxml is declared."""
from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_python_example_runs_and_finds_the_strike() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - our own README
    printed = out.getvalue()
    assert "Air/drone strike" in printed and "(12, 'OSDH')" in printed
    assert '"date_doubtful": false' in printed or "'date_doubtful': False" in printed


def test_import_vigie_gives_the_callable_extract_and_accepts_iso_dates() -> None:
    script = ("import vigie, sys; assert 'vigie.extract' not in sys.modules; "
              "f = vigie.extract; assert callable(f); print(f.__name__)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "vigie.extract"


def test_lxml_html_clean_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(dep.startswith("lxml_html_clean") for dep in project["dependencies"])
