"""Speed-ups of citeproc-py rendering that change no output (pinned version: citeproc_fixes).

Each answers a question citeproc asks again and again from a table built once; the rendered
text is the same with or without them (tests/test_citeproc_patches.py renders every style both
ways), so each can be dropped whenever an upgrade makes it unneeded or unsafe.

- ``macro-table``: ``get_macro`` ran an XPath search over the whole style for every macro call
  (~50 per entry, ~40% of render time). A name -> macro table is built once per parsed style,
  stored on its root element (kept alive, with its Python attributes, by the cached
  ``CitationStylesStyle``).
- ``macro-calls-variable``: ``Text.calls_variable`` for a ``macro`` re-walked the macro's whole
  subtree on every ``cs:group`` child visit. The answer depends only on the (never mutated) style
  tree, so it is memoised per macro in the same table.
- ``structural-xpath``: the structural XPath searches citeproc repeats on every render (nearest
  ``cs:layout``, enclosing ``cs:citation``/``cs:bibliography``/``cs:locale``, parent
  ``cs:names``, first ``cs:substitute`` child, ``cs:date-part`` by name) are answered by walking
  the tree in Python: the same nodes in the same order, without compiling an XPath per call.
- ``locale-lookups``: ``Locale.get_term``/``get_date`` (an XPath search per month name, quote
  mark, "et al." …) are memoised per locale element, misses included.
- ``branch-calls-variable``: ``calls_variable`` of ``cs:choose``/``cs:if``/``cs:else``
  (re-walked for every ``cs:group`` child) is memoised per element.
"""
from __future__ import annotations

from citeproc import model

_MACROS = "_verbatim_macros"
_CALLS_VARIABLE = "_verbatim_calls_variable"


def _macro_table(root) -> dict:
    """Return {name: first cs:macro of that name} of a style root (built once)."""
    table = root.__dict__.get(_MACROS)
    if table is None:
        table = {}
        for macro in root.iterchildren("{%s}macro" % model.CitationStylesElement.nsmap["cs"]):
            table.setdefault(macro.get("name"), macro)
        root.__dict__[_MACROS] = table  # idempotent: concurrent builders agree
    return table


def _get_macro(original):
    def get_macro(self, name):
        root = self.get_root()
        macro = _macro_table(root).get(name)
        if macro is None:  # unknown name: keep citeproc's own error (IndexError)
            return original(self, name)
        return macro
    return get_macro


def _text_calls_variable(original):
    def calls_variable(self):
        if "variable" in self.attrib or "macro" not in self.attrib:
            return original(self)
        name = self.get("macro")
        root = self.get_root()
        memo = root.__dict__.get(_CALLS_VARIABLE)
        if memo is None:
            memo = root.__dict__.setdefault(_CALLS_VARIABLE, {})
        try:
            return memo[name]
        except KeyError:
            result = memo[name] = original(self)
            return result
    return calls_variable


_CS = "{http://purl.org/net/xbiblio/csl}"


def _nearest(element, tags):
    """Return [the nearest of element and its ancestors whose tag is in `tags`] or []."""
    while element is not None:
        if element.tag in tags:
            return [element]
        element = element.getparent()
    return []


def _first_child(element, tag):
    for child in element.iterchildren(tag):
        return [child]
    return []


def _ancestors(element, tag):
    """Return every ancestor of element with this tag, in document order."""
    found = [a for a in element.iterancestors(tag)]
    return found[::-1]


def _children_named(element, tag, name):
    return [child for child in element.iterchildren(tag) if child.get("name") == name]


def _next_sibling(element, tag):
    for sibling in element.itersiblings(tag):
        return [sibling]
    return []


def _parent_if(element, tag):
    parent = element.getparent()
    return [parent] if parent is not None and parent.tag == tag else []


# expression (exactly as citeproc writes it) -> equivalent tree walk
_STRUCTURAL = {
    "./ancestor-or-self::cs:layout[1]": lambda el: _nearest(el, (_CS + "layout",)),
    "./ancestor::cs:locale[1]": lambda el: _nearest(el.getparent(), (_CS + "locale",)),
    "./ancestor::*[self::cs:citation or self::cs:bibliography][1]":
        lambda el: _nearest(el.getparent(), (_CS + "citation", _CS + "bibliography")),
    "./parent::cs:names[1]": lambda el: _parent_if(el, _CS + "names"),
    "./cs:substitute[1]": lambda el: _first_child(el, _CS + "substitute"),
    "./following-sibling::cs:et-al[1]": lambda el: _next_sibling(el, _CS + "et-al"),
    "./ancestor::*[self::cs:bibliography]": lambda el: _ancestors(el, _CS + "bibliography"),
    './cs:date-part[@name="year"]': lambda el: _children_named(el, _CS + "date-part", "year"),
    './cs:date-part[@name="month"]': lambda el: _children_named(el, _CS + "date-part", "month"),
    './cs:date-part[@name="day"]': lambda el: _children_named(el, _CS + "date-part", "day"),
}


def _xpath_search(original):
    def xpath_search(self, expression):
        walk = _STRUCTURAL.get(expression)
        if walk is None:
            return original(self, expression)
        return walk(self)
    return xpath_search


_MISSING = object()


def _memoised_lookup(original, attribute):
    """Memoise a Locale lookup (a pure function of its arguments and the locale
    tree) on the Locale element, misses (IndexError) included."""
    def lookup(self, *args, **kwargs):
        memo = self.__dict__.get(attribute)
        if memo is None:
            memo = self.__dict__.setdefault(attribute, {})
        key = (args, tuple(sorted(kwargs.items())))
        found = memo.get(key)
        if found is None:
            try:
                found = original(self, *args, **kwargs)
            except IndexError:
                found = _MISSING
            memo[key] = found
        if found is _MISSING:
            raise IndexError
        return found
    return lookup


def _branch_calls_variable(original):
    """Memoise Parent.calls_variable of cs:choose/if/else-if/else elements.

    The memo lives on the style (or locale) root and holds the element proxies,
    which keeps them alive: bounded by the size of the cached style trees, and
    safe as citeproc stores no Python state on these elements.
    """
    def calls_variable(self):
        root = self.get_root()
        memo = root.__dict__.get(_BRANCHES)
        if memo is None:
            memo = root.__dict__.setdefault(_BRANCHES, {})
        try:
            return memo[self]
        except KeyError:
            result = memo[self] = original(self)
            return result
    return calls_variable


_BRANCHES = "_verbatim_branch_calls_variable"


def _install_macro_table() -> None:
    model.CitationStylesElement.get_macro = _get_macro(model.CitationStylesElement.get_macro)


def _install_macro_calls_variable() -> None:
    model.Text.calls_variable = _text_calls_variable(model.Text.calls_variable)


def _install_structural_xpath() -> None:
    model.CitationStylesElement.xpath_search = _xpath_search(
        model.CitationStylesElement.xpath_search)


def _install_locale_lookups() -> None:
    model.Locale.get_term = _memoised_lookup(model.Locale.get_term, "_verbatim_terms")
    model.Locale.get_date = _memoised_lookup(model.Locale.get_date, "_verbatim_dates")


def _install_branch_calls_variable() -> None:
    for branch in (model.Choose, model.If, model.Else):
        branch.calls_variable = _branch_calls_variable(model.Parent.calls_variable)


PATCHES = (
    ("macro-table", _install_macro_table),
    ("macro-calls-variable", _install_macro_calls_variable),
    ("structural-xpath", _install_structural_xpath),
    ("locale-lookups", _install_locale_lookups),
    ("branch-calls-variable", _install_branch_calls_variable),
)
_installed: set[str] = set()


def apply(skip: frozenset[str] = frozenset()) -> None:
    """Install every speed-up not in `skip` into citeproc-py (idempotent)."""
    for name, install in PATCHES:
        if name not in skip and name not in _installed:
            install()
            _installed.add(name)
