"""No module under api/ imports or touches an underscore name of a dependency (or the stdlib).

Read from the source (the AST), not by running it. An underscore name is allowed only where it
is the app's own: an import from `api` (or a relative one), or an attribute that some module
under api/ defines itself (a function, a class attribute, a `self._x =`). Everything else with
a leading underscore and no trailing dunder is a dependency's private name:
`from x import _y`, `import x._y`, `x._y` on a name bound by an import, `getattr(x, "_y")`, and
`obj._y`, `self._y` or `super()._y` when nothing under api/ defines `_y` (so an inherited
private such as a base class's `self._helper()` counts too).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

API = Path(__file__).resolve().parents[1] / "api"


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__")) \
        and name != "_"


def own_module(module: str | None, level: int) -> bool:
    return level > 0 or module == "api" or (module or "").startswith("api.")


def assigned_privates(node: ast.AST) -> set[str]:
    """Return the underscore names node defines: defs, classes, names and self/cls attributes."""
    names = set()
    for leaf in ast.walk(node):
        if isinstance(leaf, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(leaf.name)
        elif isinstance(leaf, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = leaf.targets if isinstance(leaf, ast.Assign) else [leaf.target]
            for target in targets:
                for part in ast.walk(target):
                    if isinstance(part, ast.Name):
                        names.add(part.id)
                    elif isinstance(part, ast.Attribute) and isinstance(part.value, ast.Name) \
                            and part.value.id in ("self", "cls"):
                        names.add(part.attr)
    return {name for name in names if is_private(name)}


def defined_names(trees: list[ast.AST]) -> set[str]:
    """Return the underscore names the app defines anywhere."""
    return set().union(*(assigned_privates(tree) for tree in trees))


def own_classes(trees: list[ast.AST]) -> dict[str, tuple[list[str], set[str]]]:
    """Return {class name: (its bases' names, the underscore names its body defines)}."""
    return {node.name: ([chain_name(base) for base in node.bases],
                        assigned_privates(ast.Module(body=node.body, type_ignores=[])))
            for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}


def chain_name(node: ast.expr) -> str:
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")


def defined_by_ancestor(name: str, class_name: str, classes: dict, own_too: bool) -> bool:
    """Tell whether the app's class (with own_too) or one of its app-defined bases defines name."""
    bases, defined = classes.get(class_name, ([], set()))
    return (own_too and name in defined) or any(
        defined_by_ancestor(name, base, classes, True) for base in bases if base != class_name)


def imported_names(tree: ast.AST) -> set[str]:
    """Return the names a module binds to other packages' modules and objects."""
    bound = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if not own_module(alias.name, 0):
                    bound.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and not own_module(node.module, node.level):
            bound.update(alias.asname or alias.name for alias in node.names)
    return bound


def chain_root(node: ast.expr) -> ast.expr:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node


def enclosing_classes(tree: ast.AST) -> dict[ast.AST, str]:
    """Map each node inside a class body to the name of its innermost class."""
    inside = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for part in ast.walk(ast.Module(body=node.body, type_ignores=[])):
                inside[part] = node.name  # inner classes are walked later and win
    return inside


def is_super_call(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
        and node.func.id == "super"


def attribute_violation(node: ast.Attribute, imported: set, own: set, classes: dict,
                        inside: dict) -> bool:
    """Tell whether node (`x._y`) reaches a dependency's private name."""
    root = chain_root(node)
    if isinstance(root, ast.Name) and root.id in imported:
        return True  # a name bound by an import: its privates are the dependency's
    class_name = inside.get(node)
    if is_super_call(node.value):  # the parent's: an app class above must define it
        return not defined_by_ancestor(node.attr, class_name, classes, False)
    if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls") and class_name:
        return not defined_by_ancestor(node.attr, class_name, classes, True)
    return node.attr not in own


def violations(tree: ast.AST, own: set[str], classes: dict) -> list[str]:
    """Return `line: what` for each dependency underscore name the module uses."""
    found = []
    imported = imported_names(tree)
    inside = enclosing_classes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"{node.lineno}: import {alias.name}" for alias in node.names
                      if not own_module(alias.name, 0)
                      and any(is_private(part) for part in alias.name.split("."))]
        elif isinstance(node, ast.ImportFrom) and not own_module(node.module, node.level):
            parts = (node.module or "").split(".")
            found += [f"{node.lineno}: from {node.module} import {alias.name}"
                      for alias in node.names
                      if is_private(alias.name) or any(is_private(part) for part in parts)]
        elif isinstance(node, ast.Attribute) and is_private(node.attr) \
                and attribute_violation(node, imported, own, classes, inside):
            found.append(f"{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in ("getattr", "setattr", "hasattr", "delattr") \
                and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) \
                and isinstance(node.args[1].value, str) and is_private(node.args[1].value) \
                and node.args[1].value not in own:
            found.append(f"{node.lineno}: {node.func.id}(…, {node.args[1].value!r})")
    return found


# Hand-written snippets: what the check must find, and what it must let by.
CASES = [
    ("from webargs.core import _UNKNOWN_DEFAULT_PARAM", ["1: from webargs.core import "
                                                         "_UNKNOWN_DEFAULT_PARAM"]),
    ("from flask_limiter._extension import Limiter", ["1: from flask_limiter._extension import "
                                                      "Limiter"]),
    ("import re._casefix", ["1: import re._casefix"]),
    ("import re\nTABLE = re._casefix._EXTRA_CASES", ["2: ._EXTRA_CASES", "2: ._casefix"]),
    ("from flask import request\nreq = request._get_current_object()",
     ["2: ._get_current_object"]),
    ("from flask import request\n_get_current_object = 1\nreq = request._get_current_object()",
     ["3: ._get_current_object"]),
    ("def view(func):\n    func._apidoc = {}", ["2: ._apidoc"]),
    ("from flask.json.provider import DefaultJSONProvider\n"
     "class P(DefaultJSONProvider):\n    def response(self, *a):\n"
     "        return self._prepare_response_obj(a, {})", ["4: ._prepare_response_obj"]),
    ("class S:\n    def dump(self):\n        return super()._do_dump()", ["3: ._do_dump"]),
    ("from flask_smorest import Api\nclass A(Api):\n    def _register_responses(self):\n"
     "        super()._register_responses()", ["4: ._register_responses"]),
    ("from flask_smorest import Api\nclass A(Api):\n    def _helper(self):\n        pass\n"
     "class B(A):\n    def _helper(self):\n        super()._helper()", []),
    ("class Other:\n    _seen = None\nclass C:\n    def run(self):\n        return self._seen",
     ["5: ._seen"]),
    ("def hooks(schema):\n    return getattr(schema, '_hooks')", ["2: getattr(…, '_hooks')"]),
    ("from .phrases import _role_like", []),
    ("from api.extraction.phrases import _role_like", []),
    ("class C:\n    def __init__(self):\n        self._seen = set()\n"
     "    def add(self, x):\n        self._seen.add(x)", []),
    ("class C:\n    def _plan(self):\n        return 1\n    def run(self):\n"
     "        return self._plan()", []),
    ("import threading\n_local = threading.local()\nvalue = _local.deadline", []),
    ("class C:\n    def __init__(self):\n        super().__init__()", []),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_the_check_finds_private_names(source, expected):
    tree = ast.parse(source)
    found = violations(tree, defined_names([tree]), own_classes([tree]))
    assert sorted(found) == sorted(expected)


def test_no_module_under_api_uses_a_dependency_private_name():
    trees = {path.relative_to(API.parent).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
             for path in sorted(API.rglob("*.py"))}
    assert len(trees) > 50  # every module was read
    own, classes = defined_names(list(trees.values())), own_classes(list(trees.values()))
    found = {path: hits for path, tree in trees.items()
             if (hits := violations(tree, own, classes))}
    assert found == {}
