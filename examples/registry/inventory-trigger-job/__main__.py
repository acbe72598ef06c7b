import pulumi
import pulumi_mediajobs as mediajobs

# Every video under uploads/ transcoded to 720p MP4; ${InventoryTriggerJobId} and ${jobid} are CI's placeholders.
batch = mediajobs.InventoryTriggerJob(
    "uploads-720p",
    bucket="examplebucket-1250000000",
    region="ap-guangzhou",
    name="uploads-720p",
    type="Job",
    input=mediajobs.BatchInputArgs(prefix="uploads/"),
    operation=mediajobs.BatchOperationArgs(
        tag="Transcode",
        job_param=mediajobs.BatchJobParamArgs(
            transcode=mediajobs.CiTranscodeArgs(
                container=mediajobs.CiContainerArgs(format="mp4"),
                video=mediajobs.CiVideoArgs(codec="H.264", width=1280, height=720),
                audio=mediajobs.CiAudioArgs(codec="aac"),
            ),
        ),
        output=mediajobs.CiOutputArgs(region="ap-guangzhou", bucket="examplebucket-1250000000",
                                      object="transcoded/${InventoryTriggerJobId}/${jobid}.mp4"),
    ),
    timeout_seconds=3600)

pulumi.export("jobId", batch.job_id)
pulumi.export("state", batch.state)
pulumi.export("byState", batch.child_jobs.apply(lambda c: c.by_state if c else None))
