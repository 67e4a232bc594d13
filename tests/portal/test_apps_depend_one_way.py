"""Apps depend one way (STYLE.md): core → partners → conditions → agreements → portal. A module may
import from its own app and the apps before it, never from one after it; portal, the top-level app,
may import them all; config is outside the order. Read from the source with `ast`, so an import inside
a function counts as much as one at the top of a module."""

import ast
from pathlib import Path

from django.conf import settings

ORDER = ["core", "partners", "conditions", "agreements", "portal"]


def imports(path):
    """(line, module) for every absolute import in the file, wherever it is in the file."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.lineno, node.module


def upward_imports(app):
    """Imports of a module of `app` from an app after it in ORDER, as "file:line imports module"."""
    after = ORDER[ORDER.index(app) + 1:]
    root = Path(settings.BASE_DIR)
    return [f"{path.relative_to(root)}:{line} imports {module}"
            for path in sorted((root / app).rglob("*.py"))
            for line, module in imports(path) if module.split(".")[0] in after]


def test_the_order_names_every_app_of_the_project():
    ours = {name.split(".")[0] for name in settings.INSTALLED_APPS if (Path(settings.BASE_DIR) / name).is_dir()}
    assert ours == set(ORDER)


def test_no_app_imports_from_an_app_after_it():
    assert {app: upward_imports(app) for app in ORDER} == {app: [] for app in ORDER}


def test_an_import_inside_a_function_is_found(tmp_path):
    module = tmp_path / "late.py"
    module.write_text("def f():\n    from agreements.models import Agreement\n    import portal.views\n")
    assert list(imports(module)) == [(2, "agreements.models"), (3, "portal.views")]
