package main

import (
	"github.com/pulumi-mediajobs/pulumi-mediajobs/sdk/go/mediajobs"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		// The video's format, streams and duration, read by CI's MediaInfo.
		info, err := mediajobs.NewCiMediaJob(ctx, "info", &mediajobs.CiMediaJobArgs{
			Bucket:    pulumi.String("examplebucket-1250000000"),
			Region:    pulumi.String("ap-guangzhou"),
			Tag:       pulumi.String("MediaInfo"),
			Input:     &mediajobs.CiInputArgs{Object: pulumi.String("videos/clip.mp4")},
			Operation: &mediajobs.CiOperationArgs{},
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
		return nil
	})
}
