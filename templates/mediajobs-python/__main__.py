"""A MediaInfo job on a video (Tencent CI) and a cartoon of a photo (Alibaba MPS), through the mediajobs plugin.

Credentials: `pulumi config set --secret mediajobs:tencentcloudSecretId …`, `mediajobs:tencentcloudSecretKey`,
`mediajobs:alicloudAccessKey` and `mediajobs:alicloudSecretKey` (or TENCENTCLOUD_* / ALIBABA_CLOUD_* in the
environment); never in resource inputs. Against the emulator, also `mediajobs:ciEndpoint` and
`mediajobs:mpsEndpoint` (its banner prints every value).
"""
import pulumi
import pulumi_mediajobs as mediajobs

config = pulumi.Config()
bucket = config.require("bucket")
video = config.get("video") or "videos/clip.mp4"
oss_bucket = config.require("ossBucket")
photo = config.get("photo") or "photos/portrait.jpg"
region = pulumi.Config("mediajobs").require("alicloudRegion")
oss = f"oss://{oss_bucket}.oss-{region}.aliyuncs.com"

info = mediajobs.CiMediaJob("info", bucket=bucket, tag="MediaInfo", input=mediajobs.CiInputArgs(object=video),
                            operation=mediajobs.CiOperationArgs())

cartoon = mediajobs.IProductionJob("cartoon", function_name="ImageCartoonize", input=f"{oss}/{photo}",
                                   output=oss + "/cartoons/{source}-{resultType}.jpg")

pulumi.export("duration", info.media_info.apply(lambda m: (m.format or {}).get("duration") if m else None))
pulumi.export("cartoonFiles", cartoon.output_files)
