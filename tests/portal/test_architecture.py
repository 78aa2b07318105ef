"""The folder layout is the architecture, and the imports keep to it.

The catalogue (products, producers) is the ground, with core, regions, images and
accounts beside it; stories, tours, scans and search stand on it and add to its pages
through hooks, never the other way. Every import counts: at module level and inside
functions, where a cycle hides best. Migrations are history and are not read.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = (
    "core",
    "regions",
    "images",
    "accounts",
    "catalogue",
    "stories",
    "tours",
    "scans",
    "search",
    "opendata",
    "webhooks",
    "api",
    "writes",
    "demo",
    "portal",
)
# The ground may import only from its own layer (and below): never what stands on it.
STANDS_ON_THE_CATALOGUE = {"stories", "tours", "scans", "search", "opendata", "webhooks"}
FORBIDDEN = {
    "core": {"regions", "images", "accounts", "catalogue", *STANDS_ON_THE_CATALOGUE, "api", "writes", "demo", "portal"},
    "regions": {"images", "accounts", "catalogue", *STANDS_ON_THE_CATALOGUE, "api", "writes", "demo", "portal"},
    "images": {"regions", "accounts", "catalogue", *STANDS_ON_THE_CATALOGUE, "api", "writes", "demo", "portal"},
    "accounts": {"regions", "images", "catalogue", *STANDS_ON_THE_CATALOGUE, "api", "writes", "demo", "portal"},
    "catalogue": {*STANDS_ON_THE_CATALOGUE, "api", "writes", "demo", "portal"},
    "stories": {"search", "scans", "api", "writes", "demo", "portal"},
    "tours": {"stories", "scans", "search", "api", "writes", "demo", "portal"},
    "scans": {"stories", "tours", "search", "api", "writes", "demo", "portal"},
    "search": {"scans", "tours", "api", "writes", "demo", "portal"},
    "opendata": {"demo", "portal", "api", "webhooks"},
    "webhooks": {"demo", "portal", "api", "opendata"},
    # The public read API stands on everything it serves; webhooks and open data stand beside it.
    "api": {"demo", "portal", "webhooks", "opendata"},
    "writes": {"demo", "portal", "api", "webhooks", "opendata"},
}


def modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield app, path


def imported_names(path: Path) -> set[str]:
    """Every absolute module name the file imports, wherever the import stands."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package.rsplit(".", 1)[0]
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def app_imports() -> dict[str, dict[str, set[str]]]:
    """app → imported app → the files that import it."""
    edges: dict[str, dict[str, set[str]]] = {app: {} for app in APPS}
    for app, path in modules():
        for name in imported_names(path):
            other = name.split(".")[0]
            if other in APPS and other != app:
                edges[app].setdefault(other, set()).add(str(path.relative_to(ROOT)))
    return edges


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_each_layer_imports_nothing_that_stands_on_it(app):
    imports = app_imports()[app]
    wrong = {other: sorted(files) for other, files in imports.items() if other in FORBIDDEN[app]}
    assert wrong == {}, f"{app} imports what stands on it (add a hook instead): {wrong}"


def test_no_app_imports_the_demo_content():
    importers = {
        app: files for app, others in app_imports().items() for other, files in others.items() if other == "demo"
    }
    assert importers == {}


def reachable(edges: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for other in edges[todo.pop()]:
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def test_there_is_no_import_cycle_between_apps():
    edges = {app: set(others) for app, others in app_imports().items()}
    on_a_cycle = {
        app: sorted(other for other in reachable(edges, app) if app in reachable(edges, other)) for app in APPS
    }
    assert {app: others for app, others in on_a_cycle.items() if others} == {}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_graph() -> dict[str, set[str]]:
    """module → the project modules it imports. ``from package import module`` counts the module,
    not the package; ``from module import name`` counts the module."""
    paths = {module_name(path): path for _, path in modules()}
    graph = {}
    for name, path in paths.items():
        targets = set()
        for imported in imported_names(path):
            while imported and imported not in paths:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                targets.add(imported)
        # A name imported from a module also appears as "module.name": keep the module only.
        graph[name] = {target for target in targets if not any(other.startswith(target + ".") for other in targets)}
    return graph


def test_there_is_no_import_cycle_between_modules_either():
    """Inside an app too: an import tucked into a function to dodge a cycle is still a cycle."""
    graph = module_graph()
    on_a_cycle = sorted(name for name in graph if name in reachable(graph, name))
    assert on_a_cycle == []


def test_the_rule_reads_imports_inside_functions_too(tmp_path, monkeypatch):
    module = tmp_path / "catalogue" / "late.py"
    module.parent.mkdir()
    module.write_text("def later():\n    from stories.models import StoryPage\n    from . import models\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    assert {"stories.models", "stories.models.StoryPage", "catalogue.models"} <= imported_names(module)


def test_the_tests_mirror_the_app_tree():
    tests = ROOT / "tests"
    assert sorted(path.name for path in tests.glob("test_*.py")) == []
    folders = {path.name for path in tests.iterdir() if path.is_dir() and not path.name.startswith("__")}
    assert folders <= {*APPS, "browser"}
