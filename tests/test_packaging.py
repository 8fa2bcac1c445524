"""The wheel carries the rules pack, and an installed careerfix finds it without the repository.

Slow (a wheel build and a fresh virtual environment with its dependencies), so the wheel and the
environment are built once for the module. Skipped, with the reason, when the package index
cannot be reached.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from careerfix import __version__

REPO_ROOT = Path(__file__).resolve().parents[1]
SHIPPED_RULES = REPO_ROOT / "rules"

pytestmark = pytest.mark.timeout(600)

NETWORK_ERRORS = (
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Name or service not known",
    "Network is unreachable",
    "NewConnectionError",
    "ConnectTimeoutError",
    "ProxyError",
    "No matching distribution found",
    "Could not find a version that satisfies the requirement",
)


# ---------------------------------------------------------------- helpers


def clean_env() -> dict[str, str]:
    """The environment minus anything that could point careerfix or Python at the repository."""
    drop = {"CAREERFIX_RULES", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
    return {k: v for k, v in os.environ.items() if k not in drop}


def run(cmd: list[str], *, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, cwd=cwd, env=clean_env(), capture_output=True, text=True, timeout=timeout, check=False
    )


def skip_if_offline(proc: subprocess.CompletedProcess[str], what: str) -> None:
    output = proc.stdout + proc.stderr
    if proc.returncode != 0 and any(marker in output for marker in NETWORK_ERRORS):
        pytest.skip(f"{what} needs the package index, which is unreachable here:\n{output[-800:]}")


def venv_bin(venv: Path, name: str) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / f"{name}.exe"
    return venv / "bin" / name


# ---------------------------------------------------------------- fixtures (once per module)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("dist")
    if importlib.util.find_spec("build") is not None:
        cmd = [sys.executable, "-m", "build", "--wheel", "--outdir", str(outdir), str(REPO_ROOT)]
    else:
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(outdir), str(REPO_ROOT)]
    proc = run(cmd, cwd=outdir)
    skip_if_offline(proc, "building the wheel")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    wheels = sorted(outdir.glob("careerfix-*.whl"))
    assert len(wheels) == 1, f"expected one wheel in {outdir}: {wheels}"
    return wheels[0]


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment (no system site-packages) with the wheel and its deps."""
    venv = tmp_path_factory.mktemp("venv")
    proc = run([sys.executable, "-m", "venv", str(venv)], cwd=venv)
    if proc.returncode != 0:
        pytest.skip(f"cannot create a virtual environment here: {proc.stderr[-400:]}")
    proc = run([str(venv_bin(venv, "python")), "-m", "pip", "install", str(wheel)], cwd=venv)
    skip_if_offline(proc, "installing the wheel's dependencies")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return venv


# ---------------------------------------------------------------- the wheel


def test_wheel_contains_the_rules_pack_and_py_typed(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())

    shipped = sorted(p.relative_to(SHIPPED_RULES).as_posix() for p in SHIPPED_RULES.rglob("*"))
    expected = {f"careerfix/rules/{rel}" for rel in shipped if (SHIPPED_RULES / rel).is_file()}
    assert "careerfix/rules/pack.yaml" in expected
    assert "careerfix/py.typed" in names
    assert "careerfix/cli.py" in names
    assert not expected - names, f"missing from the wheel: {sorted(expected - names)}"


def test_wheel_rules_are_byte_identical_to_the_repository(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        for path in sorted(SHIPPED_RULES.rglob("*.yaml")):
            member = f"careerfix/rules/{path.relative_to(SHIPPED_RULES).as_posix()}"
            assert zf.read(member) == path.read_bytes(), member


# ---------------------------------------------------------------- an installed careerfix


def test_installed_careerfix_checks_its_packaged_rules(installed: Path, tmp_path: Path) -> None:
    python = venv_bin(installed, "python")
    purelib = run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        cwd=tmp_path,
    ).stdout.strip()
    packaged_rules = Path(purelib).resolve() / "careerfix" / "rules"

    proc = run(
        [str(venv_bin(installed, "careerfix")), "rules", "check", "--lang", "en"], cwd=tmp_path
    )

    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "rules pack is valid" in proc.stderr
    assert f"({packaged_rules})" in proc.stderr, proc.stderr
    assert str(SHIPPED_RULES) not in proc.stderr + proc.stdout
    assert "Traceback" not in proc.stderr


def test_installed_python_m_careerfix_version(installed: Path, tmp_path: Path) -> None:
    proc = run([str(venv_bin(installed, "python")), "-m", "careerfix", "--version"], cwd=tmp_path)

    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"careerfix {__version__}"


def test_installed_careerfix_does_not_import_from_the_repository(
    installed: Path, tmp_path: Path
) -> None:
    proc = run(
        [str(venv_bin(installed, "python")), "-c", "import careerfix; print(careerfix.__file__)"],
        cwd=tmp_path,
    )

    assert proc.returncode == 0, proc.stderr
    location = Path(proc.stdout.strip()).resolve()
    assert location.is_relative_to(installed.resolve()), location
    assert not location.is_relative_to(REPO_ROOT), location


JSON_NO_SAVE = ("--no-save", "--format", "json")


def test_the_first_run_after_install_builds_no_cache(installed: Path, tmp_path: Path) -> None:
    """The wheel carries its pack's checked cache: the first assessment reads it instead of
    parsing and cross-checking the YAML (and so writes no cache of its own)."""
    home = tmp_path / "fresh-home"
    example = REPO_ROOT / "examples" / "brand-new-media.yaml"
    proc = subprocess.run(
        [str(venv_bin(installed, "careerfix")), "assess", "-a", str(example), *JSON_NO_SAVE],
        cwd=tmp_path,
        env={**clean_env(), "CAREERFIX_HOME": str(home)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert not (home / "cache").exists(), list(home.rglob("*"))
