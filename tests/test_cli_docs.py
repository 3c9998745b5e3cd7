"""Every CLI command has help text and is documented in the README (sqlite-utils' habit)."""
from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from vigie.cli.main import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "vigie") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        full = f"{prefix} {name}"
        out.append((full, cmd))
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, full))
    return out


COMMANDS = _commands(cli)


def test_the_main_commands_are_registered() -> None:
    names = {name for name, _ in COMMANDS}
    for expected in ("ingest", "extract", "events", "event", "export", "articles", "evaluate", "bench"):
        assert f"vigie {expected}" in names


@pytest.mark.parametrize("name,cmd", COMMANDS, ids=[n for n, _ in COMMANDS])
def test_command_has_help_and_is_in_readme(name: str, cmd: click.Command) -> None:
    assert (cmd.help or "").strip(), f"{name} has no help text"
    assert f"`{name}" in README, f"{name} is not documented in README.md"
    result = CliRunner().invoke(cli, [*name.split()[1:], "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
