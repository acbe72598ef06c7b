"""A Python program with no keys anywhere: an explicit mediajobs Provider whose credentials are a role per cloud,
assumed with an OIDC token file (the typed Args of the generated SDK), through the Automation API and the installed
plugin.

    python oidc.py <stack> <backend-dir>

Runs up -> destroy against the emulator at $MEDIAJOBS_EMULATOR_URL and prints one JSON line per step for
test/e2e/python.e2e.test.ts. The token files and roles come from $MEDIAJOBS_E2E_OIDC_*.
"""
import json
import os
import sys

import pulumi
import pulumi_mediajobs as mediajobs
from pulumi import automation as auto

BUCKET = "examplebucket-1250000000"
OSS = "oss://example-bucket.oss-cn-shanghai.aliyuncs.com"


def program() -> None:
    env = os.environ
    url = env["MEDIAJOBS_EMULATOR_URL"]
    roles = mediajobs.Provider(
        "roles", ci_endpoint=url, mps_endpoint=url,
        alicloud_assume_role_with_oidc=mediajobs.AlicloudAssumeRoleWithOidcArgs(
            oidc_provider_arn=env["MEDIAJOBS_E2E_OIDC_ALIBABA_PROVIDER"], role_arn=env["MEDIAJOBS_E2E_OIDC_ALIBABA_ROLE"],
            oidc_token_file=env["MEDIAJOBS_E2E_OIDC_ALIBABA_TOKEN_FILE"], role_session_name="python-e2e"),
        tencentcloud_assume_role_with_web_identity=mediajobs.TencentcloudAssumeRoleWithWebIdentityArgs(
            provider_id="OIDC", role_arn=env["MEDIAJOBS_E2E_OIDC_TENCENT_ROLE"],
            web_identity_token_file=env["MEDIAJOBS_E2E_OIDC_TENCENT_TOKEN_FILE"]))
    opts = pulumi.ResourceOptions(provider=roles)
    info = mediajobs.CiMediaJob("info", bucket=BUCKET, region="ap-guangzhou", tag="MediaInfo",
                                input={"object": "videos/clip.mp4"}, operation=mediajobs.CiOperationArgs(), opts=opts)
    cover = mediajobs.IProductionJob("cover", region="cn-shanghai", function_name="Cover", input=f"{OSS}/in/clip.mp4",
                                     output=OSS + "/out/{sequenceId}.jpg", opts=opts)
    pulumi.export("infoState", info.state)
    pulumi.export("coverState", cover.state)


def report(step: str, **fields) -> None:
    print(json.dumps({"step": step, **fields}), flush=True)


def main() -> None:
    stack_name, backend = sys.argv[1], sys.argv[2]
    stack = auto.create_or_select_stack(
        stack_name=stack_name, project_name="mediajobs-python-oidc-e2e", program=program,
        opts=auto.LocalWorkspaceOptions(project_settings=auto.ProjectSettings(
            name="mediajobs-python-oidc-e2e", runtime="python", backend=auto.ProjectBackend(url=f"file://{backend}"))))
    up = stack.up()
    report("up", changes=up.summary.resource_changes, outputs={k: v.value for k, v in up.outputs.items()})
    destroy = stack.destroy()
    report("destroy", changes=destroy.summary.resource_changes)
    stack.workspace.remove_stack(stack_name)


if __name__ == "__main__":
    main()
