"""The five bundled articles, shipped as package data (`rafahdiff.seeds`)."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError


@dataclass(frozen=True, slots=True)
class Seed:
    id: str
    path: Path

    @property
    def name(self) -> str:
        return self.path.name


def _seed_dirs() -> list[Path]:
    # find_spec works for regular and editable installs alike, where importlib.resources
    # fails on an editable namespace package.
    spec = importlib.util.find_spec("rafahdiff.seeds")
    if spec is None or spec.submodule_search_locations is None:
        return []
    return [Path(p) for p in spec.submodule_search_locations if Path(p).is_dir()]


def list_seeds() -> list[Seed]:
    seen: dict[str, Seed] = {}
    for folder in _seed_dirs():
        for path in sorted(folder.glob("*.txt")):
            seen.setdefault(path.name, Seed(id=path.name.split("_", 1)[0], path=path))
    return sorted(seen.values(), key=lambda s: s.name)


def matching_seeds(prefix: str) -> list[Seed]:
    return [s for s in list_seeds() if s.name.startswith(prefix)] if prefix else []


def find_seed(prefix: str) -> Seed:
    """The one seed whose file name starts with `prefix`; InputError if none or several."""
    found = matching_seeds(prefix)
    if len(found) == 1:
        return found[0]
    if not found:
        ids = ", ".join(s.id for s in list_seeds())
        raise InputError(f"{prefix!r} is neither a file nor a seed id (seeds: {ids}; see --list)")
    names = ", ".join(s.name for s in found)
    raise InputError(f"seed id {prefix!r} is ambiguous: it matches {names}")
