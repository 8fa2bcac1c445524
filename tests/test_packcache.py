"""The rules-pack cache: a checked pack is reused, and never trusted once its files change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerfix import packcache, rules
from careerfix.engine import assess
from careerfix.models.answers import Answers
from careerfix.rules import load_pack
from helpers import shipped_pack

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CAREERFIX_HOME", str(tmp_path / "home"))
    monkeypatch.delenv(packcache.CACHE_ENV, raising=False)
    # These tests are about the user's cache: the copy of the shipped pack would find its
    # cache inside careerfix (tested on its own below).
    monkeypatch.setattr(packcache, "SHIPPED", tmp_path / "no-shipped-cache")
    return tmp_path / "home"


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(REPO / "rules", target)
    return target


def _no_check(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(_: Path) -> None:
        raise AssertionError("the pack was checked again instead of read from the cache")

    monkeypatch.setattr(rules, "check_pack", fail)


def _sample(pack_id: str, version: str) -> Answers:
    return Answers(
        pack=pack_id,
        pack_version=version,
        answers={
            "role.employer": "platform",
            "role.owns": ["kols", "content_chain"],
            "user.kol_work": "led",
            "user.moderator_work": "helped",  # level 1: community_ops needs 2
            "content.filtering_work": "did",
            "fit.department": "support",
            "resume.style": "duties",
        },
        evidence={"user.kol_work": "KOLs 800 -> 3,100 in 18 months"},
    )


def test_second_load_comes_from_the_cache_and_scores_the_same(
    home: Path, pack_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = load_pack(pack_dir)
    assert list((home / "cache" / "packs").glob("*.json")), "a checked pack is cached"
    _no_check(monkeypatch)
    cached = load_pack(pack_dir)
    assert cached.meta == fresh.meta
    assert cached.modules == fresh.modules
    assert cached.diagnosis == fresh.diagnosis
    assert cached.fit == fresh.fit and cached.roles == fresh.roles
    assert cached.resume == fresh.resume and cached.reading == fresh.reading
    assert cached.steps_for == fresh.steps_for and cached.steps_for
    answers = _sample(fresh.id, fresh.version)
    assert assess(cached, answers) == assess(fresh, answers)
    # with a target: its path and the skill steps chosen from the cached pack's entries
    targeted = assess(cached, answers, target="community_ops")
    assert targeted == assess(fresh, answers, target="community_ops")
    assert targeted.path is not None
    assert [c.competency for c in targeted.path.climbs] == ["user.moderators"]
    skill = next(item for item in targeted.plan if item.kind == "skill")
    assert skill.ref == "user.moderators" and skill.steps == ((2, 0),)


def test_editing_a_rules_file_misses_the_cache(home: Path, pack_dir: Path) -> None:
    load_pack(pack_dir)
    roles = pack_dir / "roles.yaml"
    roles.write_text(
        roles.read_text(encoding="utf-8").replace("社区运营, en:", "社区运营（平台）, en:", 1),
        encoding="utf-8",
    )
    assert load_pack(pack_dir).role_by_id["community_ops"].name.zh == "社区运营（平台）"


def test_a_broken_rules_file_is_reported_even_after_caching(home: Path, pack_dir: Path) -> None:
    load_pack(pack_dir)
    (pack_dir / "resume.yaml").write_text("rules: [\n", encoding="utf-8")
    with pytest.raises(rules.RulesError):
        load_pack(pack_dir)


def _damaged(good: bytes) -> list[bytes]:
    header, _, payload = good.partition(b"\n")
    wrong_type = payload.replace(b'"id":"careerfix-ops"', b'"id":42', 1)
    assert wrong_type != payload
    return [
        b"",
        b"\x00\xff not even text",
        good[: len(good) // 2],  # cut short by a full disk
        payload,  # no verifying line
        header + b"\n" + wrong_type,  # the hash no longer matches
        header.replace(b"careerfix-pack-cache", b"other-cache") + b"\n" + payload,
        # A verifying line that matches, over JSON that does not fill the records:
        packcache._header("k", b"[]") + b"\n[]",
        # ... over records that lack a field, or have one their class does not declare (the
        # cache is read into records without their constructors, so it checks the names):
        *(_reverified(header, payload, old, new) for old, new in _FIELD_EDITS),
    ]


# (what a record's JSON says, what it says instead)
_FIELD_EDITS = [
    (b'"id":"careerfix-ops",', b""),
    (b'"id":"careerfix-ops"', b'"id":"careerfix-ops","colour":"red"'),
]


def _reverified(header: bytes, payload: bytes, old: bytes, new: bytes) -> bytes:
    """``payload`` edited, under a verifying line that matches it (as if written so)."""
    edited = payload.replace(old, new, 1)
    assert edited != payload
    key = header.split(b" ")[1].decode()
    return packcache._header(key, edited) + b"\n" + edited


def test_a_damaged_cache_file_is_ignored_and_healed(
    home: Path, pack_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = load_pack(pack_dir)
    (cache,) = (home / "cache" / "packs").glob("*.json")
    good = cache.read_bytes()
    for bad in _damaged(good):
        cache.write_bytes(bad)
        assert load_pack(pack_dir).meta == fresh.meta
        assert cache.read_bytes() == good, "the damaged cache is written again"


@settings(max_examples=30, deadline=None)
@given(junk=st.binary(max_size=400))
def test_any_bytes_as_the_cache_still_load_the_pack(junk: bytes) -> None:
    key = "0" * 32
    root = REPO / "rules"
    assert packcache._verified(junk, key, root) is None
    assert packcache._verified(b"careerfix-pack-cache " + junk, key, root) is None


def test_the_shipped_cache_is_current() -> None:
    """Fails when rules/ or the record declarations changed without
    ``python -m careerfix.packcache`` being run again."""
    header = packcache.SHIPPED.read_bytes().partition(b"\n")[0].decode()
    key = packcache.digest(REPO / "rules")
    assert key is not None
    assert header.split()[1] == key, "run: python -m careerfix.packcache"


def test_the_shipped_cache_serves_the_first_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERFIX_HOME", str(tmp_path / "fresh-home"))
    monkeypatch.delenv(packcache.CACHE_ENV, raising=False)
    fresh, problems = rules.check_pack(REPO / "rules")
    assert fresh is not None, problems
    _no_check(monkeypatch)
    first = load_pack(REPO / "rules")
    assert first.modules == fresh.modules and first.roles == fresh.roles
    assert not (tmp_path / "fresh-home" / "cache").exists(), "nothing built on the first run"


def test_caching_can_be_switched_off(
    home: Path, pack_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(packcache.CACHE_ENV, "1")
    load_pack(pack_dir)
    assert not (home / "cache").exists()


def test_an_unwritable_cache_never_breaks_loading(
    home: Path, pack_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home.mkdir(parents=True)
    (home / "cache").write_text("a file where the cache directory should be", encoding="utf-8")
    assert load_pack(pack_dir).id == "careerfix-ops"


def test_the_cached_reading_of_the_proof_patterns_is_what_they_say() -> None:
    """The cache keeps, for every proof pattern, whether it needs a non-ASCII character (an
    English text then skips it): each kept answer is the one worked out from the pattern."""
    import json

    from careerfix.engine import proof

    payload = packcache.SHIPPED.read_bytes().partition(b"\n")[2]
    kept = json.loads(payload)["needs_non_ascii"]
    patterns = proof.proof_patterns(shipped_pack().meta.proof)
    assert sorted(kept) == sorted(set(patterns))
    assert kept == {p: proof._worked_out(p) for p in kept}
    assert any(kept.values()) and not all(kept.values())  # both kinds are there to check


def test_a_cache_whose_proof_reading_is_not_true_or_false_is_rebuilt(
    home: Path, pack_dir: Path
) -> None:
    fresh = load_pack(pack_dir)
    (cache,) = (home / "cache" / "packs").glob("*.json")
    header, _, payload = cache.read_bytes().partition(b"\n")
    cache.write_bytes(_reverified(header, payload, b'"\\\\d":false', b'"\\\\d":"no"'))
    assert load_pack(pack_dir).meta == fresh.meta
    assert b'"\\\\d":false' in cache.read_bytes(), "written again"
