import pulumi
import pulumi_mediajobs as mediajobs

# The video's format, streams and duration, read by CI's MediaInfo.
info = mediajobs.CiMediaJob(
    "info",
    bucket="examplebucket-1250000000",
    region="ap-guangzhou",
    tag="MediaInfo",
    input=mediajobs.CiInputArgs(object="videos/clip.mp4"),
    operation=mediajobs.CiOperationArgs())

pulumi.export("duration", info.media_info.apply(lambda m: (m.format or {}).get("duration") if m else None))
