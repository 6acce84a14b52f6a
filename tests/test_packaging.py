"""The package is ready to publish: sdist and wheel build, and the index would accept them."""

from __future__ import annotations

import email
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.clikit import REPO

pytest.importorskip("build")
pytest.importorskip("twine")


def test_build_and_twine_check_pass(tmp_path: Path) -> None:
    source = tmp_path / "src-copy"  # a copy: building never leaves files in the checkout
    shutil.copytree(
        REPO, source, ignore=shutil.ignore_patterns(".git", "__pycache__", "*.egg-info", "dist")
    )
    dist = tmp_path / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(source)],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    files = sorted(p.name for p in dist.iterdir())
    assert files == ["jobbvinner_cli-0.1.0-py3-none-any.whl", "jobbvinner_cli-0.1.0.tar.gz"]
    checked = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, dist.iterdir())],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    with zipfile.ZipFile(dist / files[0]) as wheel:
        meta = email.message_from_bytes(wheel.read("jobbvinner_cli-0.1.0.dist-info/METADATA"))
        names = wheel.namelist()
    assert meta["Name"] == "jobbvinner-cli"
    assert meta["License-Expression"] == "MIT"
    assert meta["Description-Content-Type"] == "text/markdown"
    assert "Source, https://github.com/ks-jobbvinner/jobbvinner-cli" in meta.get_all("Project-URL")
    assert "Natural Language :: Norwegian" in meta.get_all("Classifier")
    assert "jobbvinner_cli-0.1.0.dist-info/licenses/LICENSE" in names
    assert "jobbvinner_cli/templates/jv-check.yml.j2" in names
