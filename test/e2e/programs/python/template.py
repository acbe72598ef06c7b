"""Runs a Pulumi Python project's __main__.py (a `pulumi new` template's) through the Automation API's inline program,
since this machine has no Python language host.

    python template.py <project-dir> <stack> <backend-dir> <config-json>

Sets the config (a JSON object of key -> [value, secret]), runs up then destroy against the emulator, and prints one
JSON line per step for test/e2e/python-quickstart.e2e.test.ts.
"""
import json
import os
import re
import runpy
import sys

from pulumi import automation as auto


def main() -> None:
    project_dir, stack_name, backend, config = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
    with open(os.path.join(project_dir, "Pulumi.yaml")) as f:
        name = re.search(r"^name: (\S+)$", f.read(), re.M).group(1)
    stack = auto.create_or_select_stack(
        stack_name=stack_name, project_name=name,
        program=lambda: runpy.run_path(os.path.join(project_dir, "__main__.py")),
        opts=auto.LocalWorkspaceOptions(project_settings=auto.ProjectSettings(
            name=name, runtime="python", backend=auto.ProjectBackend(url=f"file://{backend}"))))
    stack.set_all_config({k: auto.ConfigValue(v, secret=s) for k, (v, s) in config.items()})
    up = stack.up()
    print(json.dumps({"step": "up", "changes": up.summary.resource_changes,
                      "outputs": {k: v.value for k, v in up.outputs.items()}}), flush=True)
    destroy = stack.destroy()
    print(json.dumps({"step": "destroy", "changes": destroy.summary.resource_changes}), flush=True)
    stack.workspace.remove_stack(stack_name)


if __name__ == "__main__":
    main()
