import pulumi
import pulumi_mediajobs as mediajobs

# Three 1280x720 covers picked from a video by CI's SmartCover; ${Number} is CI's own placeholder.
covers = mediajobs.CiMediaJob(
    "covers",
    bucket="examplebucket-1250000000",
    region="ap-guangzhou",
    tag="SmartCover",
    input=mediajobs.CiInputArgs(object="videos/clip.mp4"),
    operation=mediajobs.CiOperationArgs(
        smart_cover=mediajobs.CiSmartCoverArgs(format="jpg", width=1280, height=720, count=3),
        output=mediajobs.CiOutputArgs(region="ap-guangzhou", bucket="examplebucket-1250000000",
                                      object="covers/clip-${Number}.jpg"),
    ),
    timeout_seconds=900)

pulumi.export("jobId", covers.job_id)
pulumi.export("coverObjects", covers.output_objects.apply(lambda objects: [o.object for o in objects or []]))
