"""The package installs as a wheel that carries its rules and runs from any directory."""
import json
import os
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "seeds" / "articles").glob("*.txt"))


def test_every_package_folder_is_listed_for_the_wheel():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "pipeline").rglob("__init__.py")}
    assert found - listed == set()
    assert "pipeline.ruledata" in listed          # rules/ travels inside the wheel


@pytest.mark.model
@pytest.mark.wheel
def test_wheel_installs_and_runs_from_another_directory(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                   check=True, cwd=tmp_path)
    wheel = next(dist.glob("*.whl"))
    # The dependencies (spaCy, GiNZA, its model) come from this interpreter's site-packages;
    # the package itself, its rules and its schemas only from the wheel.
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}   # no checkout on the path
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q",
                    str(wheel)], check=True, cwd=tmp_path, env=clean)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run([str(py), "-c", "import pipeline, pipeline.rules as r; "
                            "print(pipeline.__file__); print(r.default_dir())"],
                           cwd=elsewhere, env=clean, capture_output=True, text=True, check=True)
    module_file, rules_dir = where.stdout.split()
    assert module_file.startswith(str(env_dir)) and rules_dir.startswith(str(env_dir))
    script = env_dir / "bin" / "ja-events"
    run = subprocess.run([str(script), "run", str(SEED), "--out", "out", "--workers", "1", "-q"],
                         cwd=elsewhere, env=clean, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    ents = (elsewhere / "out" / "entities.jsonl").read_text("utf-8").splitlines()
    assert len(ents) > 20 and json.loads(ents[0])["doc_id"] == SEED.stem
    print(f"wheel {wheel.name}: {len(ents)} entities from {SEED.name} via {script}")


def test_defaults_outside_a_checkout_give_a_clear_message(tmp_path, capsys):
    from pipeline.cli import main
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert main(["run"]) == 2
        assert "no INPUT given" in capsys.readouterr().err
        (tmp_path / "a.txt").write_text("ロシア軍が攻撃した。", encoding="utf-8")
        assert main(["run", "a.txt"]) == 2
        assert "--out" in capsys.readouterr().err
    finally:
        os.chdir(cwd)
