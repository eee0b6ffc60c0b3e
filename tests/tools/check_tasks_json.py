"""Validates tasks.json against docs/tasks.schema.json with the `jsonschema` library.

Usage: check_tasks_json.py PUBLIC_DIR
"""
import json
import pathlib
import sys

import jsonschema

public = pathlib.Path(sys.argv[1])
schema = json.loads((pathlib.Path(__file__).parents[2] / "docs" / "tasks.schema.json").read_text())
tasks = json.loads((public / "tasks.json").read_text())
validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
errors = sorted(validator.iter_errors(tasks), key=lambda e: list(e.path))
if errors:
    for error in errors[:20]:
        print(f"tasks.json{''.join(f'[{p!r}]' for p in error.path)}: {error.message}")
    sys.exit(1)
ids = [t["id"] for t in tasks]
if len(set(ids)) != len(ids):
    print("tasks.json: task ids repeat")
    sys.exit(1)
print(f"tasks.json: {len(tasks)} tasks match the schema, ids unique")
