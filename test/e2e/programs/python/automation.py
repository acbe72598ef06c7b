"""Every mediajobs resource from Python, through the Automation API's inline program and the installed plugin.

    python automation.py <stack> <backend-dir>

Runs preview -> up -> refresh -> destroy against the emulator at $MEDIAJOBS_EMULATOR_URL and prints one JSON line
per step (what changed, and after up and refresh the stack's outputs) for test/e2e/python.e2e.test.ts to check. The
credentials come from $MEDIAJOBS_E2E_* and are set as secret stack config of the mediajobs provider.
"""
import json
import os
import sys

import pulumi
import pulumi_mediajobs as mediajobs
from pulumi import automation as auto

BUCKET = "examplebucket-1250000000"
REGION = "ap-guangzhou"
OSS = "oss://example-bucket.oss-cn-shanghai.aliyuncs.com"


def program() -> None:
    queue = mediajobs.MediaPipeline("queue", cloud="tencentcloud", bucket=BUCKET, region=REGION, name="py-queue")
    info = mediajobs.CiMediaJob(
        "info", bucket=BUCKET, region=REGION, tag="MediaInfo", input={"object": "videos/clip.mp4"},
        operation=mediajobs.CiOperationArgs(), queue_id=queue.pipeline_id)
    cover = mediajobs.CiMediaJob(
        "cover", bucket=BUCKET, region=REGION, tag="SmartCover", input=mediajobs.CiInputArgs(object="videos/clip.mp4"),
        operation=mediajobs.CiOperationArgs(
            smart_cover=mediajobs.CiSmartCoverArgs(format="jpg", count=2, delete_duplicates=True),
            output=mediajobs.CiOutputArgs(region=REGION, bucket=BUCKET, object="covers/clip-${Number}.jpg")),
        queue_id=queue.pipeline_id)
    pipeline = mediajobs.MediaPipeline("pipeline", cloud="alicloud", region="cn-shanghai", name="py-pipeline")
    cartoon = mediajobs.IProductionJob(
        "cartoon", region="cn-shanghai", function_name="ImageCartoonize", input=f"{OSS}/in/portrait.jpg",
        output=OSS + "/out/{source}-{timestamp}.jpg", pipeline_id=pipeline.pipeline_id)
    batch = mediajobs.InventoryTriggerJob(
        "batch", bucket=BUCKET, region=REGION, name="py-batch", input=mediajobs.BatchInputArgs(prefix="videos/"),
        operation=mediajobs.BatchOperationArgs(
            tag="Transcode", queue_id=queue.pipeline_id,
            job_param=mediajobs.BatchJobParamArgs(transcode=mediajobs.CiTranscodeArgs(
                container=mediajobs.CiContainerArgs(format="mp4"),
                video=mediajobs.CiVideoArgs(codec="H.264", width=1280, height=720))),
            output=mediajobs.CiOutputArgs(region=REGION, bucket=BUCKET,
                                          object="out/${InventoryTriggerJobId}/${jobid}.mp4")))
    pulumi.export("queueId", queue.queue_id)
    pulumi.export("queueName", queue.name)
    pulumi.export("infoJobId", info.job_id)
    pulumi.export("infoState", info.state)
    pulumi.export("formatName", info.media_info.apply(lambda m: (m.format or {}).get("formatName") if m else None))
    pulumi.export("coverObjects", cover.output_objects.apply(lambda objs: [o.object for o in objs or []]))
    pulumi.export("pipelineId", pipeline.pipeline_id)
    pulumi.export("cartoonState", cartoon.state)
    pulumi.export("cartoonFiles", cartoon.output_files)
    pulumi.export("batchState", batch.state)
    pulumi.export("batchTotal", batch.child_jobs.apply(lambda c: c.total if c else None))


def report(step: str, **fields) -> None:
    print(json.dumps({"step": step, **fields}), flush=True)


def main() -> None:
    stack_name, backend = sys.argv[1], sys.argv[2]
    url = os.environ["MEDIAJOBS_EMULATOR_URL"]
    stack = auto.create_or_select_stack(
        stack_name=stack_name, project_name="mediajobs-python-e2e", program=program,
        opts=auto.LocalWorkspaceOptions(project_settings=auto.ProjectSettings(
            name="mediajobs-python-e2e", runtime="python", backend=auto.ProjectBackend(url=f"file://{backend}"))))
    stack.set_all_config({
        "mediajobs:ciEndpoint": auto.ConfigValue(url),
        "mediajobs:mpsEndpoint": auto.ConfigValue(url),
        "mediajobs:tencentcloudSecretId": auto.ConfigValue(os.environ["MEDIAJOBS_E2E_TENCENT_ID"], secret=True),
        "mediajobs:tencentcloudSecretKey": auto.ConfigValue(os.environ["MEDIAJOBS_E2E_TENCENT_KEY"], secret=True),
        "mediajobs:alicloudAccessKey": auto.ConfigValue(os.environ["MEDIAJOBS_E2E_ALIBABA_ID"], secret=True),
        "mediajobs:alicloudSecretKey": auto.ConfigValue(os.environ["MEDIAJOBS_E2E_ALIBABA_KEY"], secret=True),
    })
    preview = stack.preview()
    report("preview", changes=preview.change_summary)
    up = stack.up()
    report("up", changes=up.summary.resource_changes, outputs={k: v.value for k, v in up.outputs.items()})
    refresh = stack.refresh()
    report("refresh", changes=refresh.summary.resource_changes,
           outputs={k: v.value for k, v in stack.outputs().items()})
    destroy = stack.destroy()
    report("destroy", changes=destroy.summary.resource_changes)
    stack.workspace.remove_stack(stack_name)


if __name__ == "__main__":
    main()
