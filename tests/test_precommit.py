"""The pre-commit hook, run with `pre-commit try-repo` on a throwaway translation repository."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"})


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_try_repo(tmp_path):
    # try-repo needs the hook repository as a git repo with the hook's files committed: copy ours.
    hook_repo = tmp_path / "hookrepo"
    shutil.copytree(ROOT, hook_repo, ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info",
                                                                    ".pytest_cache", ".hypothesis", "bench-out"))
    _git(hook_repo, "init", "-q")
    _git(hook_repo, "add", "-A")
    _git(hook_repo, "commit", "-qm", "hook")
    work = tmp_path / "translations"
    work.mkdir()
    _git(work, "init", "-q")
    (work / "good.md").write_text("The spirit of self-reliance (*charyŏk kaengsaeng*).\n", encoding="utf-8")
    _git(work, "add", "good.md")
    pre_commit = [sys.executable, "-m", "pre_commit"]
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pc-home"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    ok = subprocess.run([*pre_commit, "try-repo", str(hook_repo), "termkit", "--files", "good.md"],
                        cwd=work, capture_output=True, text=True, env=env)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (work / "bad.md").write_text("The spirit of self-reliance (*Charkyok Kaengsaeng*).\n", encoding="utf-8")
    _git(work, "add", "bad.md")
    bad = subprocess.run([*pre_commit, "try-repo", str(hook_repo), "termkit", "--files", "bad.md"],
                         cwd=work, capture_output=True, text=True, env=env)
    assert bad.returncode == 1 and "TK401" in bad.stdout, bad.stdout + bad.stderr
