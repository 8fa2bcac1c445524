"""Shared fixtures: where the repository and its shipped rules pack live, and a scratch copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHIPPED_RULES = REPO_ROOT / "rules"


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture
def shipped_rules() -> Path:
    return SHIPPED_RULES


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped pack, safe to break."""
    target = tmp_path / "rules"
    shutil.copytree(SHIPPED_RULES, target)
    return target


@pytest.fixture
def no_rules_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unset $CAREERFIX_RULES so the default pack is found, not one from the environment."""
    monkeypatch.delenv("CAREERFIX_RULES", raising=False)


@pytest.fixture(autouse=True)
def _hermetic_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep drafts and the pack cache out of the real home directory during tests.

    Tests that need their own home set CAREERFIX_HOME again themselves.
    """
    monkeypatch.setenv("CAREERFIX_HOME", str(tmp_path_factory.getbasetemp() / "careerfix-home"))
