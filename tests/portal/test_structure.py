"""The house rules that keep one owner per concept, checked on the source itself."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

from members.roles import Role

ROOT = Path(settings.BASE_DIR)
# Where role (group) names may be written out: their owner and the strand table.
GROUP_NAME_OWNERS = {"members/roles.py", "strands/registry.py"}
TRANSLATED = {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy"}


def project_apps() -> list[str]:
    return sorted(
        config.name
        for config in apps.get_app_configs()
        if (ROOT / config.name / "apps.py").is_file()
        and Path(config.path).resolve().is_relative_to(ROOT)
    ) + ["portal"]


def modules() -> dict[str, Path]:
    found = {}
    for app in project_apps():
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def project_imports(
    name: str, path: Path, known: dict[str, Path], anywhere: bool = False
) -> set[str]:
    """Project modules ``name`` imports when it is loaded (not inside functions, not
    for type checking only); with ``anywhere``, also those imported inside functions."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    imported = set()
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree) if anywhere else tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                imported.add(target)
    return imported


def import_loops(graph: dict[str, set[str]]) -> list[list[str]]:
    loops = []
    state: dict[str, str] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                loops.append(trail[trail.index(target) :] + [target])
            elif target not in state:
                visit(target, [*trail, target])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    return loops


def describe(loops: list[list[str]]) -> str:
    return "Import-Schleifen: " + "; ".join(" → ".join(loop) for loop in loops)


def test_no_import_loop_between_modules():
    known = modules()
    graph = {name: project_imports(name, path, known) for name, path in known.items()}
    loops = import_loops(graph)
    assert not loops, describe(loops)
    # The check sees imports at all: the round views do import their services.
    assert "rounds.services" in graph["rounds.views"]


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for target in graph[todo.pop()] - seen:
            seen.add(target)
            todo.append(target)
    return seen


def test_no_import_loop_between_apps_even_through_imports_inside_functions():
    """Inside one app a route may import its views when served; across apps never:
    no module reaches a module of another app that reaches it back."""
    known = modules()
    graph = {name: project_imports(name, path, known, True) for name, path in known.items()}
    reach = {name: reachable(graph, name) for name in graph}
    across = sorted(
        f"{name} ↔ {other}"
        for name in graph
        for other in reach[name]
        if name < other and name in reach[other] and name.split(".")[0] != other.split(".")[0]
    )
    assert not across, "Import-Schleifen zwischen Apps: " + ", ".join(across)
    assert "discussions.views" in graph["discussions.models"]


def test_group_names_are_written_out_only_by_their_owners():
    names = {str(role) for role in Role}
    found = []
    for path in modules().values():
        relative = path.relative_to(ROOT).as_posix()
        if relative in GROUP_NAME_OWNERS:
            continue
        tree = ast.parse(path.read_text())
        labels = {
            id(argument)
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", None)) in TRANSLATED
            for argument in node.args
        }
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and node.value in names
                and id(node) not in labels | docstrings
            ):
                found.append(f"{relative}:{node.lineno} {node.value!r}")
    assert not found, "Gruppennamen als Text statt members.roles.Role: " + ", ".join(found)


def test_rounds_do_not_reach_into_versions():
    """Rounds annotate the diff through the versions hook; they never import versions."""
    known = modules()
    reaching = [
        name
        for name, path in known.items()
        if name.startswith("rounds")
        and any(target.startswith("versions") for target in imports_anywhere(path))
    ]
    assert not reaching


def imports_anywhere(path: Path) -> set[str]:
    imported = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            imported.add(node.module)
    return imported
