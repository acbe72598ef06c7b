// A MediaInfo job on a video (Tencent CI) and a cartoon of a photo (Alibaba MPS), through the mediajobs plugin.
//
// Credentials: `pulumi config set --secret mediajobs:tencentcloudSecretId …`, `mediajobs:tencentcloudSecretKey`,
// `mediajobs:alicloudAccessKey` and `mediajobs:alicloudSecretKey` (or TENCENTCLOUD_* / ALIBABA_CLOUD_* in the
// environment); never in resource inputs. Against the emulator, also `mediajobs:ciEndpoint` and
// `mediajobs:mpsEndpoint` (its banner prints every value).
package main

import (
	"fmt"

	"github.com/pulumi-mediajobs/pulumi-mediajobs/sdk/go/mediajobs"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		video := cfg.Get("video")
		if video == "" {
			video = "videos/clip.mp4"
		}
		photo := cfg.Get("photo")
		if photo == "" {
			photo = "photos/portrait.jpg"
		}
		oss := fmt.Sprintf("oss://%s.oss-%s.aliyuncs.com", cfg.Require("ossBucket"),
			config.New(ctx, "mediajobs").Require("alicloudRegion"))

		info, err := mediajobs.NewCiMediaJob(ctx, "info", &mediajobs.CiMediaJobArgs{
			Bucket: pulumi.String(cfg.Require("bucket")), Tag: pulumi.String("MediaInfo"),
			Input:     &mediajobs.CiInputArgs{Object: pulumi.String(video)},
			Operation: &mediajobs.CiOperationArgs{},
		})
		if err != nil {
			return err
		}
		cartoon, err := mediajobs.NewIProductionJob(ctx, "cartoon", &mediajobs.IProductionJobArgs{
			FunctionName: pulumi.String("ImageCartoonize"),
			Input:        pulumi.String(oss + "/" + photo),
			Output:       pulumi.String(oss + "/cartoons/{source}-{resultType}.jpg"),
		})
		if err != nil {
			return err
		}
		ctx.Export("duration", info.MediaInfo.ApplyT(func(m *mediajobs.CiMediaInfo) string {
			if m == nil {
				return ""
			}
			return m.Format["duration"]
		}).(pulumi.StringOutput))
		ctx.Export("cartoonFiles", cartoon.OutputFiles)
		return nil
	})
}
