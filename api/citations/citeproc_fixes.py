"""Correctness fixes for CSL features citeproc-py gets wrong (pinned: see PINNED_VERSION).

Each restores behaviour the CSL 1.0.2 specification requires; none edits rendered strings. Each
is written up for upstream, with a minimal reproduction, in api/citations/README.md, and has a
canary test (tests/test_citeproc_patches.py) that fails once upstream fixes the bug: then delete
the patch.

- ``label-needs-variable``: ``cs:label`` with a ``variable`` renders its term even when that
  variable is empty (Chicago printed a stray "Edition." for every newspaper article).
- ``substitute-suppresses-nested``: ``cs:substitute`` suppresses a substituted variable in the
  rest of the output only when it is a direct ``cs:text``/``cs:names`` child; variables reached
  through ``cs:choose`` or a macro (APA's title, Chicago's container-title) were printed twice.
- ``title-case-after-punctuation``: ``text-case="title"`` left a word starting with punctuation
  in lower case ("‘fake News’"): capitalise the first letter, not the first character.
- ``initialize-false``: ``cs:name`` with ``initialize="false"`` still initialised given names
  when the style sets ``initialize-with`` (MLA and Chicago printed "Doe, J.").
"""
from __future__ import annotations

import threading

from citeproc import model, string
from citeproc.source import VariableError

PINNED_VERSION = "0.11.1"
_LOCAL = threading.local()


def _label_process(original):
    def process(self, item, variable=None, plural=None, context=None, **kwargs):
        name = self.get("variable")
        if variable is None and name and name != "locator":
            if not item.reference.get(name.replace("-", "_")):
                return None
        return original(self, item, variable=variable, plural=plural,
                        context=context, **kwargs)
    return process


def _text_process(original):
    def process(self, item, context=None, **kwargs):
        text, language = original(self, item, context=context, **kwargs)
        stack = getattr(_LOCAL, "stack", None)
        if text and stack and "variable" in self.attrib:  # record what a substitute rendered
            stack[-1].add((self.tag, self.get("variable")))
        return text, language
    return process


def _substitute_render(self, item, context=None, **kwargs):
    stack = _LOCAL.__dict__.setdefault("stack", [])
    for child in self.getchildren():
        stack.append(set())
        try:
            if isinstance(child, model.Names) and child.name is None:
                names = self.xpath_search("./parent::cs:names[1]")[0]
                text = child.render(item, names_context=names, context=context, **kwargs)
            else:
                text = child.render(item, context=context, **kwargs)
        except VariableError:
            continue
        finally:
            rendered = stack.pop()
        if text:
            self.add_to_repressed_list(child, context)
            repressed = context.get_layout().repressed
            for tag, variable in rendered:
                repressed.setdefault(tag, []).append(variable)
            return text
    return None


def _capitalize_first(self):
    for i, char in enumerate(self):
        if char.isalpha():
            return self.__class__(self[:i] + char.upper() + self[i + 1:])
    return self


def _name_initialize(original):
    def initialize(self, given, mark, context):
        if self.get("initialize") == "false":
            return given
        return original(self, given, mark, context)
    return initialize


def _install_label() -> None:
    model.Label.process = _label_process(model.Label.process)


def _install_substitute() -> None:
    model.Text.process = _text_process(model.Text.process)
    model.Substitute.render = _substitute_render


def _install_title_case() -> None:
    string.String.capitalize_first = _capitalize_first


def _install_initialize() -> None:
    model.Name.initialize = _name_initialize(model.Name.initialize)


PATCHES = (
    ("label-needs-variable", _install_label),
    ("substitute-suppresses-nested", _install_substitute),
    ("title-case-after-punctuation", _install_title_case),
    ("initialize-false", _install_initialize),
)
_installed: set[str] = set()


def apply(skip: frozenset[str] = frozenset()) -> None:
    """Install every fix not in `skip` into citeproc-py (idempotent)."""
    for name, install in PATCHES:
        if name not in skip and name not in _installed:
            install()
            _installed.add(name)
