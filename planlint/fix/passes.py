"""Applying fixes to a run's files: passes of edits, each fixed text linted again in
memory, and only verified texts kept.

A file's fixed text is accepted when it still parses, every finding whose fix was
applied is gone, and no finding of a rule that declares STRUCTURAL (PL001-PL003)
appeared that the file did not have; otherwise the file keeps its original bytes
and the failure is reported. Edits that overlap wait for a later pass (at most
`MAX_PASSES`). Writing is `planlint.fix.write`'s.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from typing import Callable, Dict, FrozenSet, Iterable, List, Mapping, Optional, Set, Tuple

from planlint.api import Text
from planlint.parse.decode import decode_plan_bytes
from planlint.fixes import Fix, Lines, choose, splice
from planlint.messages import builtin_message
from planlint.model import Finding

MAX_PASSES = 10
# Lints {path: bytes} -> findings by path (the engine's in-process entry point, see `relint`).
Relint = Callable[[Mapping[str, bytes]], Dict[str, List[Finding]]]


@dataclass
class FileFix:
    path: str
    raw: bytes  # the bytes as read: what the file must still hold when it is written
    text: str  # decoded, without a byte-order mark; what a failed fix reverts to
    fixed: str = ""
    base: str = ""  # the text as read (a diff's left side)
    count: int = 0  # findings fixed
    suppressed: int = 0  # findings given a suppression comment
    failure: Optional[Text] = None  # why the file is left as it was
    fixed_ids: Set[tuple] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.base = self.base or self.text
        self.fixed = self.fixed or self.text

    @property
    def changed(self) -> bool:
        return self.failure is None and self.fixed != self.base

    def encoded(self) -> bytes:
        """The fixed text in the file's own encoding, byte-order mark included."""
        return encode_like(self.raw, self.fixed)


def encode_like(raw: bytes, text: str) -> bytes:
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            return bom + text.encode(codec)
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    return bom + text.encode("utf-8")


def ident(finding: Finding) -> tuple:
    """A finding across edits: its code and node, never its line (PL007: its message)."""
    return finding.code, finding.data_path if finding.data_path is not None else finding.message


def wanted(finding: Finding, unsafe: bool) -> Optional[Fix]:
    fix = finding.fix
    return fix if fix is not None and (fix.safe or unsafe) else None


def apply_fixes(files: Dict[str, FileFix], findings: Dict[str, List[Finding]], relint: Relint,
                unsafe: bool = False, select: Callable[[Finding, bool], Optional[Fix]] = wanted,
                passes: int = MAX_PASSES) -> Dict[str, List[Finding]]:
    """Fix `files` in place (their `fixed` text); return the findings of the final texts."""
    structural = structural_codes()
    original = {p: _structural(fs, structural) for p, fs in findings.items()}
    current = {p: list(fs) for p, fs in findings.items()}
    for _ in range(passes):
        candidates: Dict[str, Tuple[str, List[Finding]]] = {}
        for path, item in files.items():
            if item.failure is None:
                found = _one_pass(item.fixed, current.get(path, []), unsafe, select)
                if found is not None:
                    candidates[path] = found
        if not candidates:
            break
        texts = {p: encode_like(f.raw, candidates[p][0] if p in candidates else f.fixed)
                 for p, f in files.items() if f.failure is None}
        relinted = relint(texts)
        for path, (text, fixed) in candidates.items():
            item, after = files[path], relinted.get(path, [])
            broken = next((f for f in after if f.code == "PL001"), None)
            if broken is not None:  # a later pass must not build on a text that does not parse
                item.failure = builtin_message("fix_unparsable_at", problem=broken.message, line=broken.line)
                item.fixed = item.text
                continue
            item.fixed, item.count = text, item.count + len(fixed)
            item.fixed_ids |= {ident(f) for f in fixed}
            current[path] = after
        current.update({p: fs for p, fs in relinted.items() if p not in candidates})
    return _final(files, current, original, relint, structural)


def structural_codes() -> FrozenSet[str]:
    """The codes whose rules declare STRUCTURAL: a fix pass that makes one is undone."""
    from planlint.registry import load_registry

    return frozenset(rule.code for rule in load_registry().rules.values() if rule.structural)


def _one_pass(text: str, findings: List[Finding], unsafe: bool,
              select: Callable[[Finding, bool], Optional[Fix]]) -> Optional[Tuple[str, List[Finding]]]:
    by_fix: Dict[Fix, List[Finding]] = {}
    for finding in findings:
        fix = select(finding, unsafe)
        if fix is not None:
            by_fix.setdefault(fix, []).append(finding)
    if not by_fix:
        return None
    edits, done, _ = choose(by_fix, Lines(text))
    if not edits:
        return None
    return splice(text, edits), [f for fix in done for f in by_fix[fix]]


def _structural(findings: Iterable[Finding], structural: FrozenSet[str]) -> Set[tuple]:
    return {ident(f) for f in findings if f.code in structural}


def _verify(item: FileFix, after: List[Finding], before: Set[tuple], structural: FrozenSet[str]) -> Optional[Text]:
    """Why the fixed text must not be written, or None. A finding that a fix revealed
    (a value inside a key that was misspelled) counts as new: the file stays as it was."""
    new = next((f for f in after if f.code in structural and ident(f) not in before), None)
    if new is not None:
        return builtin_message("fix_new_finding", code=new.code, problem=new.message, line=new.line)
    still = next((f for f in after if ident(f) in item.fixed_ids), None)
    if still is not None:
        return builtin_message("fix_not_removed", code=still.code, problem=still.message, line=still.line)
    return None


def _final(files: Dict[str, FileFix], current: Dict[str, List[Finding]], original: Dict[str, Set[tuple]],
           relint: Relint, structural: FrozenSet[str]) -> Dict[str, List[Finding]]:
    """Verify each fixed text; the findings of what will be written."""
    reverted = False
    for path, item in files.items():
        if item.failure is None and item.fixed != item.text:
            item.failure = _verify(item, current.get(path, []), original.get(path, set()), structural)
        if item.failure is not None and item.fixed != item.text:
            item.fixed, reverted = item.text, True
    if reverted or any(f.failure is not None for f in files.values()):
        return relint({p: encode_like(f.raw, f.fixed) for p, f in files.items()})
    return current


def decode(path: str, raw: bytes) -> Optional[FileFix]:
    text, error = decode_plan_bytes(raw)
    return None if error else FileFix(path, raw, text)


def relint_with(settings: object, registry: object, workspace: Mapping[str, Optional[bytes]],
                memo: object) -> Relint:
    """The engine's in-process entry point, for texts that exist only in memory."""
    from planlint.engine.run import lint_texts

    def relint(texts: Mapping[str, bytes]) -> Dict[str, List[Finding]]:
        result = lint_texts(texts, settings, workspace=workspace, registry=registry,  # type: ignore[arg-type]
                            memo=memo, fixing=True)  # type: ignore[arg-type]
        found: Dict[str, List[Finding]] = {path: [] for path in texts}
        for finding in result.findings:
            found.setdefault(finding.path, []).append(finding)
        return found

    return relint
