"""Runs a Python Pulumi program with Pulumi's mocks (no engine, no cloud) and prints the resources it declared.

    python run_with_mocks.py <program-dir> <project> [key=value ...]

Each line printed is `<type> <name> <input paths, comma-separated>`: the program built its resources with the SDK's
argument classes and the SDK turned their names into the schema's camelCase ones.
"""
import asyncio
import os
import runpy
import sys

import pulumi
from pulumi.runtime.stack import wait_for_rpcs

program, project, settings = sys.argv[1], sys.argv[2], sys.argv[3:]
declared = []


def paths(value, prefix=""):
    """The dotted paths of every key in nested dicts: the names the SDK sent."""
    for key, inner in value.items():
        yield prefix + key
        if isinstance(inner, dict):
            yield from paths(inner, f"{prefix}{key}.")


class Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args: pulumi.runtime.MockResourceArgs):
        declared.append(f"{args.typ} {args.name} {','.join(sorted(paths(args.inputs)))}")
        return [f"{args.name}-id", args.inputs]

    def call(self, args: pulumi.runtime.MockCallArgs):
        return {}


pulumi.runtime.set_all_config({f"{project}:{k}": v for k, v in (s.split("=", 1) for s in settings)})
pulumi.runtime.set_mocks(Mocks(), project=project, stack="test", preview=False)
os.chdir(program)
sys.path.insert(0, program)
runpy.run_path(os.path.join(program, "__main__.py"), run_name="__main__")
# Let the resources register before reading what was declared.
asyncio.get_event_loop().run_until_complete(wait_for_rpcs())
for line in sorted(declared):
    print(line)
