import pulumi
import pulumi_mediajobs as mediajobs

# An MPS pipeline that reports to an MNS queue (added, and deleted on destroy).
pipeline = mediajobs.MediaPipeline(
    "cartoon-pipeline",
    cloud="alicloud",
    region="cn-shanghai",
    name="cartoonize",
    state="Active",
    notify_config=mediajobs.MediaPipelineNotifyConfigArgs(queue_name="mps-events"))

# A CI queue of a bucket, adopted and renamed (CI has no API to create queues; destroy restores its settings).
queue = mediajobs.MediaPipeline(
    "transcode-queue",
    cloud="tencentcloud",
    bucket="examplebucket-1250000000",
    region="ap-guangzhou",
    category="Transcoding",
    name="pulumi-transcode",
    state="Active")

pulumi.export("pipelineId", pipeline.pipeline_id)
pulumi.export("queueId", queue.pipeline_id)
pulumi.export("queueOriginalName", queue.original.apply(lambda o: o.name if o else None))
