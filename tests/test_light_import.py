"""The check path must start fast: importing the CLI loads none of the heavy libraries."""
import subprocess
import sys

HEAVY = ("pandas", "sentencepiece", "sacrebleu", "numpy", "jsonschema", "ruamel")


def test_cli_import_is_light():
    code = "import sys, termkit.cli; print(' '.join(m for m in %r if m in sys.modules))" % (HEAVY,)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_check_with_warm_cache_is_light(tmp_path):
    """A check with a warm glossary cache and no config file loads no YAML, schema or data libraries."""
    doc = tmp_path / "t.md"
    doc.write_text("The spirit of self-reliance.\n", encoding="utf-8")
    env_code = (
        "import sys; from termkit.cli import main; main(['check', %r]); main(['check', %r]);"
        "print(' '.join(m for m in %r if m in sys.modules), file=sys.stderr)"
    )
    # First run fills the cache (and may load ruamel/jsonschema); a fresh process then must not.
    subprocess.run([sys.executable, "-c", f"from termkit.cli import main; main(['check', {str(doc)!r}])"],
                   capture_output=True, cwd=tmp_path)
    p = subprocess.run([sys.executable, "-c",
                        f"import sys; from termkit.cli import main; main(['check', {str(doc)!r}]);"
                        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert p.stderr.strip().splitlines()[-1].endswith("in 1 file") or p.stderr.strip() == ""
    assert not any(m in p.stderr.split() for m in HEAVY), p.stderr
