"""The report's code stays in small pieces: no function in reports/ longer than a screenful or so."""

import ast
from pathlib import Path

import reports

LONGEST = 80  # lines, from `def` to the last line of the body


def test_no_function_in_reports_is_longer_than_80_lines():
    root = Path(reports.__file__).parent
    long = []
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > LONGEST:
                    long.append(f"{path.relative_to(root)}:{node.lineno} {node.name} ({length} lines)")
    assert long == []
