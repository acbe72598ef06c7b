// A CI queue, a MediaInfo job and SmartCover covers of one video, through the mediajobs provider plugin.
//
// Install the plugin (`pulumi plugin install resource mediajobs <version> -f <tarball>`, the tarball from
// `npm run package`), set `mediajobs:tencentcloudRegion`, the secret `mediajobs:tencentcloudSecretId` and
// `mediajobs:tencentcloudSecretKey` (or TENCENTCLOUD_* in the environment) and `bucket`, then `pulumi up`.
package main

import (
	"github.com/pulumi-mediajobs/pulumi-mediajobs/sdk/go/mediajobs"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		bucket := cfg.Require("bucket")
		video := cfg.Get("video")
		if video == "" {
			video = "videos/clip.mp4"
		}
		queue, err := mediajobs.NewMediaPipeline(ctx, "queue", &mediajobs.MediaPipelineArgs{
			Cloud: pulumi.String("tencentcloud"), Bucket: pulumi.String(bucket), Name: pulumi.String("media-queue"),
		})
		if err != nil {
			return err
		}
		info, err := mediajobs.NewCiMediaJob(ctx, "info", &mediajobs.CiMediaJobArgs{
			Bucket: pulumi.String(bucket), Tag: pulumi.String("MediaInfo"),
			Input:     &mediajobs.CiInputArgs{Object: pulumi.String(video)},
			Operation: &mediajobs.CiOperationArgs{}, QueueId: queue.PipelineId,
		})
		if err != nil {
			return err
		}
		covers, err := mediajobs.NewCiMediaJob(ctx, "covers", &mediajobs.CiMediaJobArgs{
			Bucket: pulumi.String(bucket), Tag: pulumi.String("SmartCover"),
			Input: &mediajobs.CiInputArgs{Object: pulumi.String(video)},
			Operation: &mediajobs.CiOperationArgs{
				SmartCover: &mediajobs.CiSmartCoverArgs{Format: pulumi.String("jpg"), Width: pulumi.Int(1280),
					Height: pulumi.Int(720), Count: pulumi.Int(3)},
				Output: &mediajobs.CiOutputArgs{Region: info.Region.Elem(), Bucket: pulumi.String(bucket),
					Object: pulumi.String("covers/clip-${Number}.jpg")},
			},
			QueueId: queue.PipelineId,
		})
		if err != nil {
			return err
		}
		ctx.Export("duration", info.MediaInfo.ApplyT(func(m *mediajobs.CiMediaInfo) string {
			if m == nil {
				return ""
			}
			return m.Format["duration"]
		}))
		ctx.Export("covers", covers.OutputObjects.ApplyT(func(objects []mediajobs.CiOutputObject) []string {
			names := []string{}
			for _, o := range objects {
				names = append(names, o.Object)
			}
			return names
		}))
		return nil
	})
}
