"""A CI queue, a MediaInfo job and SmartCover covers of one video, through the mediajobs provider plugin.

Install the plugin (`pulumi plugin install resource mediajobs <version> -f <tarball>`, the tarball from
`npm run package`), set `mediajobs:tencentcloudRegion`, the secret `mediajobs:tencentcloudSecretId` and
`mediajobs:tencentcloudSecretKey` (or TENCENTCLOUD_* in the environment) and `bucket`, then `pulumi up`.
"""
import pulumi
import pulumi_mediajobs as mediajobs

config = pulumi.Config()
bucket = config.require("bucket")
video = config.get("video") or "videos/clip.mp4"

queue = mediajobs.MediaPipeline("queue", cloud="tencentcloud", bucket=bucket, name="media-queue")

info = mediajobs.CiMediaJob(
    "info", bucket=bucket, tag="MediaInfo", input=mediajobs.CiInputArgs(object=video),
    operation=mediajobs.CiOperationArgs(), queue_id=queue.pipeline_id)

covers = mediajobs.CiMediaJob(
    "covers", bucket=bucket, tag="SmartCover", input=mediajobs.CiInputArgs(object=video),
    operation=mediajobs.CiOperationArgs(
        smart_cover=mediajobs.CiSmartCoverArgs(format="jpg", width=1280, height=720, count=3),
        output=mediajobs.CiOutputArgs(region=info.region, bucket=bucket, object="covers/clip-${Number}.jpg")),
    queue_id=queue.pipeline_id)

pulumi.export("duration", info.media_info.apply(lambda m: (m.format or {}).get("duration") if m else None))
pulumi.export("covers", covers.output_objects.apply(lambda objects: [o.object for o in objects or []]))
