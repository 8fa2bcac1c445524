"""Find, load and check a rules pack; report every problem at once with its file and line."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerfix.datafile import (
    MAX_RULES_FILE_BYTES,
    DataFileError,
    locate,
    parse_yaml,
    read_text,
    validation_problems,
)
from careerfix.errors import InputError, Problem, RulesError, Said
from careerfix.models.lang import LANGUAGES

if TYPE_CHECKING:
    from yaml.nodes import Node

    from careerfix.engine.prepared import PreparedPack
    from careerfix.models.pack import RulePack

RULES_ENV = "CAREERFIX_RULES"
PACK_FILE = "pack.yaml"
SINGLE_FILES = ("diagnosis.yaml", "fit.yaml", "roles.yaml", "resume.yaml", "reading.yaml")


def default_rules_dir() -> Path:
    """The pack to use when no ``--rules`` is given: ``$CAREERFIX_RULES``, the wheel's, the repo's."""
    env = os.environ.get(RULES_ENV)
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    packaged = here / "rules"  # a wheel install: rules/ is force-included into the package
    if (packaged / PACK_FILE).is_file():
        return packaged
    return here.parent.parent / "rules"  # an editable install or a source checkout


def resolve_rules_dir(directory: Path | None) -> Path:
    path = directory if directory is not None else default_rules_dir()
    if not path.is_dir():
        from_env = directory is None and os.environ.get(RULES_ENV)
        hint = Said.of("rk_from_env", env=RULES_ENV) if from_env else ""
        raise InputError(Said.of("rk_not_found", path=path, hint=hint))
    return path


# The checker's helpers are plain classes, not dataclasses: a dataclass compiles its methods
# with exec as this module loads, about 1 ms of every assessment, which reads a cached pack and
# never checks one.


class _Loaded:
    def __init__(self, display: str, data: Any, node: Node) -> None:
        self.display = display
        self.data = data
        self.node = node
        self.model: Any = None


class _Checker:
    """Collects problems; resolves (file, field path) to a line via the kept YAML nodes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.files: dict[str, _Loaded] = {}

    def display(self, rel: str) -> str:
        return str(self.root / rel)

    def add(self, rel: str, loc: tuple[str | int, ...], message: str | Said) -> None:
        loaded = self.files.get(rel)
        path, line, col = locate(loaded.node if loaded else None, loc)
        self.problems.append(Problem(self.display(rel), path, message, line, col))

    def load(self, rel: str, model: type[Any]) -> Any:
        from pydantic import ValidationError

        from careerfix.models.records import adapter

        display = self.display(rel)
        try:
            text = read_text(self.root / rel, display, MAX_RULES_FILE_BYTES)
            data, node = parse_yaml(text, display)
        except DataFileError as exc:
            self.problems.append(exc.problem)
            return None
        self.files[rel] = _Loaded(display, data, node)
        if not isinstance(data, dict):
            self.add(rel, (), Said.of("rk_top_level"))
            return None
        try:
            obj = adapter(model).validate_python(data)
        except ValidationError as exc:
            self.problems.extend(validation_problems(exc, display, node))
            return None
        self.files[rel].model = obj
        return obj


def check_pack(directory: Path) -> tuple[PreparedPack | None, list[Problem]]:
    """Load and check the pack in ``directory``; every problem found, in file order."""
    from careerfix.models import pack as m

    chk = _Checker(directory)
    meta = chk.load(PACK_FILE, m.PackFile)
    module_files: list[tuple[str, Any]] = []
    listed = list(meta.modules) if meta is not None else _fallback_module_list(chk, directory)
    for module_id in listed:
        rel = f"modules/{module_id}.yaml"
        if not (directory / rel).is_file():
            chk.add(
                PACK_FILE,
                ("modules", listed.index(module_id)),
                Said.of("rk_no_module_file", rel=rel),
            )
            continue
        module_files.append((rel, chk.load(rel, m.ModuleFile)))
    if (directory / "modules").is_dir():
        for extra in sorted((directory / "modules").glob("*.yaml")):
            if extra.stem not in listed:
                chk.problems.append(
                    Problem(
                        chk.display(f"modules/{extra.name}"),
                        "",
                        Said.of("rk_module_not_listed", pack_file=PACK_FILE),
                    )
                )
    singles = {
        rel: chk.load(rel, model)
        for rel, model in (
            ("diagnosis.yaml", m.DiagnosisFile),
            ("fit.yaml", m.FitFile),
            ("roles.yaml", m.RolesFile),
            ("resume.yaml", m.ResumeFile),
            ("reading.yaml", m.ReadingFile),
        )
    }
    # Checks that need only the raw data run even when some file failed its schema, so that one
    # typo does not hide the rest (every problem at once).
    schema_failed = bool(chk.problems) or meta is None
    index = _RawIndex.build(chk)
    _check_sources(chk, index)
    _check_conditions(chk, index)
    if schema_failed:
        return None, _sorted(chk.problems)
    modules = [mf for _, mf in module_files]
    from careerfix.engine.prepared import PreparedPack

    pack = PreparedPack(
        meta=meta,
        modules=tuple(modules),
        diagnosis=singles["diagnosis.yaml"],
        fit=singles["fit.yaml"],
        roles=singles["roles.yaml"],
        resume=singles["resume.yaml"],
        reading=singles["reading.yaml"],
        location=str(directory),
    )
    _cross_check(chk, pack, module_files)
    if chk.problems:
        return None, _sorted(chk.problems)
    return pack, []


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0, p.path))


def load_pack(directory: Path | None = None) -> PreparedPack:
    """Load the pack or raise :class:`RulesError` listing every problem.

    A pack that passed its check is cached as JSON, keyed by a checksum of its files, so the next
    run skips the YAML parser and the cross-file checks (see docs/benchmarks.md).
    """
    from careerfix import packcache

    path = resolve_rules_dir(directory)
    digest = packcache.digest(path)
    cached = packcache.read(digest, path) if digest else None
    if cached is not None:
        return cached
    pack, problems = check_pack(path)
    if pack is None:
        raise RulesError(problems)
    if digest:
        packcache.write(digest, pack)
    return pack


# ---------------------------------------------------------------- cross-file checks


def _cross_check(chk: _Checker, pack: RulePack, module_files: list[tuple[str, Any]]) -> None:  # noqa: C901 — the module-file checks read as one table
    seen_questions: dict[str, str] = {}

    def unique(kind: str, value: str, seen: dict[str, str], rel: str, loc: tuple[Any, ...]) -> None:
        if value in seen:
            chk.add(
                rel,
                loc,
                Said.of(
                    "rk_duplicate_id",
                    kind=Said.of(f"rk_kind_{kind.replace(' ', '_')}"),
                    value=value,
                    other=seen[value],
                ),
            )
        else:
            seen[value] = chk.display(rel)

    # modules, competencies, experience questions
    seen_competencies: dict[str, str] = {}
    for (rel, mf), listed_id in zip(module_files, pack.meta.modules, strict=True):
        mod = mf.module
        if mod.id != listed_id:
            chk.add(rel, ("module", "id"), Said.of("rk_module_id_file", module=mod.id))
        for i, comp in enumerate(mf.competencies):
            unique("competency", comp.id, seen_competencies, rel, ("competencies", i, "id"))
            if not comp.id.startswith(mod.id + "."):
                chk.add(
                    rel, ("competencies", i, "id"), Said.of("rk_competency_prefix", module=mod.id)
                )
        if not mf.questions:
            chk.add(rel, ("questions",), Said.of("rk_no_questions", module=mod.id))
        comp_ids = {c.id for c in mf.competencies}
        measured: set[str] = set()
        for i, q in enumerate(mf.questions):
            unique("question", q.id, seen_questions, rel, ("questions", i, "id"))
            if q.kind != "experience":
                chk.add(rel, ("questions", i, "kind"), Said.of("rk_module_experience"))
            elif q.competency not in comp_ids:
                chk.add(
                    rel,
                    ("questions", i, "competency"),
                    Said.of("rk_unknown_competency_in", competency=q.competency, module=mod.id),
                )
            else:
                measured.add(q.competency)
        if mf.questions:
            for i, comp in enumerate(mf.competencies):
                if comp.id not in measured:
                    chk.add(
                        rel,
                        ("competencies", i, "id"),
                        Said.of("rk_competency_no_question", competency=comp.id),
                    )

    for rel, questions in (
        ("diagnosis.yaml", pack.diagnosis.questions),
        ("fit.yaml", pack.fit.questions),
        ("resume.yaml", pack.resume.questions),
    ):
        for i, q in enumerate(questions):
            unique("question", q.id, seen_questions, rel, ("questions", i, "id"))
            if q.kind == "experience":
                chk.add(rel, ("questions", i, "kind"), Said.of("rk_experience_in_module"))

    _check_diagnosis(chk, pack, unique)
    _check_fit(chk, pack, unique)
    _check_roles(chk, pack, unique)
    _check_resume(chk, pack, unique)
    _check_steps(chk, pack, module_files, unique)
    _check_templates(chk, pack)
    _check_proof(chk, pack)
    for i, qid in enumerate(pack.meta.interview.quick.questions):
        if qid not in pack.questions:
            loc = ("interview", "quick", "questions", i)
            chk.add(PACK_FILE, loc, Said.of("rk_unknown_question", qid=qid))


def _walk(data: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str, Any]]:
    """Yield (location, key, value) for every mapping entry in plain YAML data."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*loc, key), str(key), value
            yield from _walk(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _walk(value, (*loc, i))


def _fallback_module_list(chk: _Checker, directory: Path) -> list[str]:
    """Module ids when pack.yaml failed its schema: its raw list, else the files present."""
    loaded = chk.files.get(PACK_FILE)
    raw = loaded.data.get("modules") if loaded and isinstance(loaded.data, dict) else None
    if isinstance(raw, list) and raw and all(isinstance(x, str) for x in raw):
        return list(dict.fromkeys(raw))
    return sorted(p.stem for p in (directory / "modules").glob("*.yaml"))


class _RawIndex:
    """What the pack declares, read from the raw YAML of every file that parsed."""

    def __init__(
        self,
        sources: set[str] | None,
        questions: dict[str, tuple[str, set[str]]],
        competencies: set[str],
        modules: set[str],
        complete: bool,
    ) -> None:
        self.sources = sources  # None: pack.yaml unreadable, so source ids cannot be judged
        self.questions = questions  # id -> (kind, choice values)
        self.competencies = competencies
        self.modules = modules
        self.complete = complete  # every file parsed, so a missing reference is really missing

    @classmethod
    def build(cls, chk: _Checker) -> _RawIndex:
        sources: set[str] | None = None
        questions: dict[str, tuple[str, set[str]]] = {}
        competencies: set[str] = set()
        modules: set[str] = set()
        expected = {PACK_FILE, *SINGLE_FILES}
        complete = expected <= set(chk.files) and all(
            isinstance(f.data, dict) for f in chk.files.values()
        )
        complete = complete and not any(p.path == "" and p.line is None for p in chk.problems)
        for rel, loaded in chk.files.items():
            data = loaded.data
            if not isinstance(data, dict):
                continue
            if rel == PACK_FILE and isinstance(data.get("sources"), dict):
                sources = {str(k) for k in data["sources"]}
            if isinstance(data.get("module"), dict) and "id" in data["module"]:
                modules.add(str(data["module"]["id"]))
            for comp in _dicts(data.get("competencies")):
                competencies.add(str(comp.get("id")))
            for q in _dicts(data.get("questions")):
                values = {str(c.get("value")) for c in _dicts(q.get("choices"))}
                questions[str(q.get("id"))] = (str(q.get("kind", "experience")), values)
        return cls(sources, questions, competencies, modules, complete)


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _check_sources(chk: _Checker, index: _RawIndex) -> None:
    declared = index.sources
    if declared is None:
        return
    span = _span(declared)
    for rel, loaded in chk.files.items():
        for loc, key, value in _walk(loaded.data):
            if key == "source" and isinstance(value, list):
                for i, sid in enumerate(value):
                    if sid not in declared:
                        chk.add(rel, (*loc, i), Said.of("rk_unknown_source", sid=sid, span=span))


def _span(ids: set[str]) -> str:
    from careerfix.sources import source_span

    return source_span(ids)


def _check_conditions(chk: _Checker, index: _RawIndex) -> None:  # noqa: C901 — counts its inner walker
    from careerfix.models.pack import FACTS

    def check(rel: str, loc: tuple[Any, ...], cond: Any) -> None:  # noqa: C901 — one branch per condition form
        if not isinstance(cond, dict):
            return
        for key in ("all", "any"):
            subs = cond.get(key)
            for i, sub in enumerate(subs if isinstance(subs, list) else []):
                check(rel, (*loc, key, i), sub)
        if "not" in cond:
            check(rel, (*loc, "not"), cond["not"])
        levelled = "competency" in cond or "module" in cond or "question" in cond
        at_least = cond.get("at_least")
        if levelled and isinstance(at_least, int | float) and at_least > 4:
            chk.add(rel, (*loc, "at_least"), Said.of("rk_level_range"))
        if not index.complete:
            return  # a reference may live in a file that did not parse
        if "question" in cond:
            qid = cond["question"]
            if qid not in index.questions:
                chk.add(rel, (*loc, "question"), Said.of("rk_cond_unknown_question", qid=qid))
                return
            kind, values = index.questions[qid]
            wanted: list[tuple[tuple[str | int, ...], Any]] = []
            if "equals" in cond:
                wanted.append((("equals",), cond["equals"]))
            raw_in = cond.get("in")
            wanted += [
                (("in", i), v) for i, v in enumerate(raw_in if isinstance(raw_in, list) else [])
            ]
            for sub, v in wanted:
                if v not in values:
                    chk.add(
                        rel,
                        (*loc, *sub),
                        Said.of(
                            "rk_cond_not_choice",
                            value=v,
                            qid=qid,
                            choices=", ".join(sorted(values)),
                        ),
                    )
            if "at_least" in cond and kind != "experience":
                chk.add(rel, (*loc, "at_least"), Said.of("rk_at_least_experience", qid=qid))
        if "competency" in cond and cond["competency"] not in index.competencies:
            chk.add(
                rel,
                (*loc, "competency"),
                Said.of("rk_cond_unknown_competency", competency=cond["competency"]),
            )
        if "module" in cond and cond["module"] not in index.modules:
            chk.add(rel, (*loc, "module"), Said.of("rk_cond_unknown_module", module=cond["module"]))
        if "fact" in cond and cond["fact"] not in FACTS:
            chk.add(
                rel,
                (*loc, "fact"),
                Said.of("rk_unknown_fact", fact=cond["fact"], known=", ".join(FACTS)),
            )

    for rel, loaded in list(chk.files.items()):
        for loc, key, value in _walk(loaded.data):
            if key in ("when", "requires"):
                check(rel, loc, value)


def _check_diagnosis(chk: _Checker, pack: RulePack, unique: Any) -> None:
    rel = "diagnosis.yaml"
    d = pack.diagnosis
    title_q = pack.questions.get(d.title_question)
    if title_q is None or pack.question_section.get(d.title_question) != "role":
        chk.add(rel, ("title_question",), Said.of("rk_not_question_here", qid=d.title_question))
    seen: dict[str, str] = {}
    for i, v in enumerate(d.verdicts):
        unique("verdict", v.id, seen, rel, ("verdicts", i, "id"))
        if title_q is not None:
            values = {c.value for c in title_q.choices}
            for j, t in enumerate(v.titles):
                if t not in values:
                    chk.add(
                        rel,
                        ("verdicts", i, "titles", j),
                        Said.of("rk_not_choice_of", value=t, qid=title_q.id),
                    )
        for j, cid in enumerate(v.remap):
            if cid not in pack.competencies:
                chk.add(
                    rel,
                    ("verdicts", i, "remap", j),
                    Said.of("rk_unknown_competency", competency=cid),
                )
    ids = [v.id for v in d.verdicts]
    for j, vid in enumerate(d.tie_order):
        if vid not in ids:
            chk.add(rel, ("tie_order", j), Said.of("rk_unknown_verdict", verdict=vid))
        elif d.tie_order.index(vid) != j:
            chk.add(rel, ("tie_order", j), Said.of("rk_verdict_twice", verdict=vid))
    missing = [vid for vid in ids if vid not in d.tie_order]
    if missing:
        chk.add(
            rel,
            ("tie_order",),
            Said.of("rk_tie_order_missing", missing=", ".join(missing)),
        )
    for qid in d.settling_questions:
        if pack.question_section.get(qid) != "role":
            chk.add(rel, ("settling_questions", qid), Said.of("rk_not_role_question", qid=qid))


def _check_fit(chk: _Checker, pack: RulePack, unique: Any) -> None:
    rel = "fit.yaml"
    seen: dict[str, str] = {}
    ids = {f.id for f in pack.fit.findings}
    for i, f in enumerate(pack.fit.findings):
        unique("finding", f.id, seen, rel, ("findings", i, "id"))
        for j, other in enumerate(f.before):
            if other not in ids or other == f.id:
                chk.add(
                    rel, ("findings", i, "before", j), Said.of("rk_unknown_finding", finding=other)
                )
        for j, role in enumerate(f.points_to):
            if role not in pack.role_by_id:
                chk.add(rel, ("findings", i, "points_to", j), Said.of("rk_unknown_role", role=role))


def _check_roles(chk: _Checker, pack: RulePack, unique: Any) -> None:
    rel = "roles.yaml"
    r = pack.roles
    seen: dict[str, str] = {}
    interest_q = pack.questions.get(r.interest_question)
    if interest_q is None:
        chk.add(
            rel, ("interest_question",), Said.of("rk_unknown_question", qid=r.interest_question)
        )
    for i, role in enumerate(r.roles):
        unique("role", role.id, seen, rel, ("roles", i, "id"))
        for key, needs in (("core", role.core), ("helps", role.helps)):
            for cid in needs:
                if cid not in pack.competencies:
                    chk.add(
                        rel,
                        ("roles", i, key, cid),
                        Said.of("rk_unknown_competency", competency=cid),
                    )
        for j, vid in enumerate(role.verdicts):
            if vid not in pack.verdict_by_id:
                chk.add(
                    rel, ("roles", i, "verdicts", j), Said.of("rk_unknown_verdict", verdict=vid)
                )
        if interest_q is not None:
            values = {c.value for c in interest_q.choices}
            for j, v in enumerate(role.interests):
                if v not in values:
                    chk.add(
                        rel,
                        ("roles", i, "interests", j),
                        Said.of("rk_not_choice_of", value=v, qid=r.interest_question),
                    )


def _check_resume(chk: _Checker, pack: RulePack, unique: Any) -> None:
    seen: dict[str, str] = {}
    for i, rule in enumerate(pack.resume.rules):
        unique("resume rule", rule.id, seen, "resume.yaml", ("rules", i, "id"))


def _check_steps(
    chk: _Checker, pack: RulePack, module_files: list[tuple[str, Any]], unique: Any
) -> None:
    """Reading ids are unique; every competency has a step to each level 1–4, and the entry
    chosen when no situation applies (no ``when``) comes last, so no one is left without one."""
    seen_reading: dict[str, str] = {}
    for i, book in enumerate(pack.reading.reading):
        unique("reading", book.id, seen_reading, "reading.yaml", ("reading", i, "id"))

    def check_reading(rel: str, loc: tuple[Any, ...], ids: list[str]) -> None:
        for j, rid in enumerate(ids):
            if rid not in seen_reading:
                chk.add(rel, (*loc, "reading", j), Said.of("rk_unknown_reading", rid=rid))

    for rel, mf in module_files:
        check_reading(rel, ("basics",), mf.basics.reading)
        own = {c.id for c in mf.competencies}
        last: dict[tuple[str, int], int] = {}
        defaults: dict[tuple[str, int], int] = {}
        for i, step in enumerate(mf.steps):
            if step.competency not in own:
                chk.add(
                    rel,
                    ("steps", i, "competency"),
                    Said.of("rk_step_not_own", competency=step.competency, module=mf.module.id),
                )
                continue
            key = (step.competency, step.to)
            if key in defaults:
                chk.add(
                    rel,
                    ("steps", i),
                    Said.of("rk_step_after_default", to=step.to, competency=step.competency),
                )
            last[key] = i
            if step.when is None:
                defaults.setdefault(key, i)
            check_reading(rel, ("steps", i), step.reading)
        for comp in mf.competencies:
            for to in range(1, 5):
                key = (comp.id, to)
                if key not in defaults:
                    loc = ("steps", last[key]) if key in last else ("steps",)
                    chk.add(
                        rel,
                        loc,
                        Said.of("rk_step_missing_default", competency=comp.id, to=to),
                    )


def _placeholders(text: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _check_templates(chk: _Checker, pack: RulePack) -> None:
    """Texts with {placeholders} may only use the names the engine fills in."""
    from careerfix.models.pack import FACTS

    d = pack.diagnosis
    templates: list[tuple[str, tuple[Any, ...], Any, set[str]]] = [
        ("diagnosis.yaml", ("mismatch_note",), d.mismatch_note, {"title", "verdict"}),
        ("diagnosis.yaml", ("ambiguous_note",), d.ambiguous_note, {"first", "second"}),
        ("diagnosis.yaml", ("ask_note",), d.ask_note, {"questions"}),
    ]
    templates += [
        ("resume.yaml", ("rules", i, "advice"), r.advice, set(FACTS))
        for i, r in enumerate(pack.resume.rules)
    ]
    for rel, loc, text, allowed in templates:
        for lang in LANGUAGES:
            try:
                names = _placeholders(getattr(text, lang))
            except ValueError as exc:
                chk.add(rel, (*loc, lang), Said.of("rk_broken_placeholder", error=str(exc)))
                continue
            for name in sorted(names - allowed):
                chk.add(
                    rel,
                    (*loc, lang),
                    Said.of(
                        "rk_unknown_placeholder", name=name, allowed=", ".join(sorted(allowed))
                    ),
                )


def _check_proof(chk: _Checker, pack: RulePack) -> None:
    """Every proof pattern compiles and cannot match an empty text (it would match anywhere);
    every example gets the status it states."""
    import re

    from careerfix.engine.proof import FLAGS, compile_proof, proof_status

    proof = pack.meta.proof
    broken = False
    lists: list[tuple[tuple[Any, ...], str]] = [(("proof", "number"), proof.number)]
    for key in ("activity", "change", "amount", "period", "counts"):
        lists += [(("proof", key, i), p) for i, p in enumerate(getattr(proof, key))]
    for loc, pattern in lists:
        try:
            compiled = re.compile(pattern, FLAGS)
        except re.error as exc:
            chk.add(PACK_FILE, loc, Said.of("rk_bad_regex", error=str(exc)))
            broken = True
            continue
        if compiled.search("") is not None:
            chk.add(PACK_FILE, loc, Said.of("rk_empty_match"))
            broken = True
    if broken:
        return
    compiled_proof = compile_proof(proof)
    for i, example in enumerate(proof.examples):
        got = proof_status(compiled_proof, example.text)
        if got != example.status:
            chk.add(
                PACK_FILE,
                ("proof", "examples", i, "status"),
                Said.of("rk_proof_example", got=got, status=example.status),
            )
