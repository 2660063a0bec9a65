"""Every crash ever found, one line of tests/data/regressions.txt each, run as a test.

A line is one Python call of a translit function, with literal arguments:

    romanize('Щ\u0301', 'uk-national')              no exception; returns what it is annotated to
    key('Київ') == key('Киев')                      ... and is equal to that
    raises(TableError, tables.parse(Path('tables/uk-national.toml'), text='...'))
                                                    raises exactly that translit error

Names are looked up on translit (dotted names in its modules: tables.parse, places.lookup);
arguments are literals, + and * of literals (so that a long input stays one short line), and
Path('relative/to/the/repository').  A comment after # says what it was and where it was found.
"""

from __future__ import annotations

import ast
import operator
from pathlib import Path
from typing import Any

import pytest

import translit
from tests.test_totality import check_result, public

ROOT = Path(__file__).resolve().parent.parent
FILE = Path(__file__).resolve().parent / "data" / "regressions.txt"
_OPERATORS = {ast.Add: operator.add, ast.Mult: operator.mul, ast.Sub: operator.sub}


def lines() -> list[tuple[int, str]]:
    out = []
    for number, line in enumerate(FILE.read_text("utf-8").splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            out.append((number, line))
    return out


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    raise ValueError(f"not a function name: {ast.dump(node)}")


def value(node: ast.expr) -> Any:
    """A literal argument: constants, containers, + - * of them, Path('...'), or a call."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -value(node.operand)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        return _OPERATORS[type(node.op)](value(node.left), value(node.right))
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        items = [value(e) for e in node.elts]
        return {ast.List: list, ast.Tuple: tuple, ast.Set: set}[type(node)](items)
    if isinstance(node, ast.Dict):
        return {value(k): value(v) for k, v in zip(node.keys, node.values, strict=True)
                if k is not None}
    if isinstance(node, ast.Call):
        return call(node)
    raise ValueError(f"not a literal: {ast.unparse(node)}")


def call(node: ast.Call) -> Any:
    name = _dotted(node.func)
    args = [value(a) for a in node.args]
    kwargs = {k.arg: value(k.value) for k in node.keywords if k.arg}
    if name == "Path":
        return ROOT / Path(*args)
    return public(name)(*args, **kwargs)


def run(line: str) -> None:
    tree = ast.parse(line.strip(), mode="eval").body
    if isinstance(tree, ast.Call) and _dotted(tree.func) == "raises":
        error = getattr(translit, _dotted(tree.args[0]))
        with pytest.raises(error):
            value(tree.args[1])
        return
    if isinstance(tree, ast.Compare) and len(tree.ops) == 1 and isinstance(tree.ops[0], ast.Eq):
        assert value(tree.left) == value(tree.comparators[0])
        return
    if not isinstance(tree, ast.Call):
        raise ValueError(f"a line is a call, call == value or raises(Error, call): {line}")
    result = call(tree)
    check_result(public(_dotted(tree.func)), result)


def _label(number: int, line: str) -> str:
    tree = ast.parse(line.strip(), mode="eval").body
    if isinstance(tree, ast.Compare):
        tree = tree.left
    if isinstance(tree, ast.Call) and _dotted(tree.func) == "raises" and len(tree.args) == 2:
        tree = tree.args[1]
    name = _dotted(tree.func) if isinstance(tree, ast.Call) else "?"
    return f"line {number}: {name}"


CASES = lines()


@pytest.mark.parametrize(("number", "line"), CASES, ids=[_label(n, ln) for n, ln in CASES])
def test_regression(number: int, line: str) -> None:
    run(line)


def test_the_file_reads() -> None:
    """Every line parses as one of the three forms (a typo must not pass as a skipped case)."""
    for number, line in CASES:
        tree = ast.parse(line.strip(), mode="eval").body
        assert isinstance(tree, ast.Call | ast.Compare), f"line {number}: {line}"


@pytest.mark.parametrize("line", [
    "key('Київ') == key('Київ')",
    "romanize('Щ' * 3 + 'ука', 'uk-national') == 'ShchShchShchuka'",
    "raises(UnknownSystemError, romanize('Київ', 'uk-nationl'))",
    "raises(TableError, tables.parse(Path('tables/uk-national.toml'), text='[system]'))",
    "detect('Харків')",
])
def test_the_forms_work(line: str) -> None:
    run(line)
