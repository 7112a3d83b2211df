"""The CI examples: the workflow's termkit commands run as written against a translations folder."""
import shlex
import shutil

from ruamel.yaml import YAML

from conftest import ROOT, run_cli


def test_workflow_commands_run(tmp_path):
    workflow = YAML(typ="safe").load((ROOT / "examples" / "ci" / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["termkit"]["steps"]
    commands = [s["run"] for s in steps if "run" in s and s["run"].startswith("termkit ")]
    assert len(commands) == 3
    shutil.copytree(ROOT / "examples" / "bilingual", tmp_path / "translations")
    for command in commands:
        argv = shlex.split(command.split(">")[0])[1:]
        code, out, err = run_cli(*argv, cwd=tmp_path)
        assert code in (0, 1) and "Traceback" not in err, (command, err)
        if "--format" in argv and argv[argv.index("--format") + 1] == "github":
            assert out.startswith(("::error ", "::warning "))
    assert (tmp_path / "report.html").is_file()


def test_pre_commit_config_names_the_hook():
    config = YAML(typ="safe").load((ROOT / "examples" / "ci" / "pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert config["repos"][0]["hooks"][0]["id"] in {h["id"] for h in hooks}
