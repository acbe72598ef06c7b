import pulumi
import pulumi_mediajobs as mediajobs

# A photo cartoonized by MPS; {source} and {timestamp} are MPS's own placeholders.
cartoon = mediajobs.IProductionJob(
    "cartoon",
    region="cn-shanghai",
    function_name="ImageCartoonize",
    input="oss://example-media.oss-cn-shanghai.aliyuncs.com/photos/team.jpg",
    output="oss://example-media.oss-cn-shanghai.aliyuncs.com/cartoons/{source}-{timestamp}.jpg",
    user_data="album=team",
    timeout_seconds=600)

pulumi.export("jobId", cartoon.job_id)
pulumi.export("state", cartoon.state)
pulumi.export("outputFiles", cartoon.output_files)
