import pulumi
import pulumi_mediajobs as mediajobs

# A second Tencent Cloud account beside the default provider's (the stack's mediajobs:* config).
config = pulumi.Config()
archive = mediajobs.Provider(
    "archive-account",
    tencentcloud_secret_id=config.require_secret("archiveSecretId"),
    tencentcloud_secret_key=config.require_secret("archiveSecretKey"),
    tencentcloud_region="ap-beijing")

info = mediajobs.CiMediaJob(
    "archive-info",
    bucket="archive-1250000000",
    tag="MediaInfo",
    input=mediajobs.CiInputArgs(object="videos/clip.mp4"),
    operation=mediajobs.CiOperationArgs(),
    opts=pulumi.ResourceOptions(provider=archive))

pulumi.export("format", info.media_info.apply(lambda m: m.format if m else None))
