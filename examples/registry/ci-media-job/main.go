package main

import (
	"github.com/pulumi-mediajobs/pulumi-mediajobs/sdk/go/mediajobs"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		// Three 1280x720 covers picked from a video by CI's SmartCover; ${Number} is CI's own placeholder.
		covers, err := mediajobs.NewCiMediaJob(ctx, "covers", &mediajobs.CiMediaJobArgs{
			Bucket: pulumi.String("examplebucket-1250000000"),
			Region: pulumi.String("ap-guangzhou"),
			Tag:    pulumi.String("SmartCover"),
			Input:  &mediajobs.CiInputArgs{Object: pulumi.String("videos/clip.mp4")},
			Operation: &mediajobs.CiOperationArgs{
				SmartCover: &mediajobs.CiSmartCoverArgs{Format: pulumi.String("jpg"), Width: pulumi.Int(1280),
					Height: pulumi.Int(720), Count: pulumi.Int(3)},
				Output: &mediajobs.CiOutputArgs{Region: pulumi.String("ap-guangzhou"),
					Bucket: pulumi.String("examplebucket-1250000000"), Object: pulumi.String("covers/clip-${Number}.jpg")},
			},
			TimeoutSeconds: pulumi.Int(900),
		})
		if err != nil {
			return err
		}
		ctx.Export("jobId", covers.JobId)
		ctx.Export("coverObjects", covers.OutputObjects.ApplyT(func(objects []mediajobs.CiOutputObject) []string {
			names := []string{}
			for _, o := range objects {
				names = append(names, o.Object)
			}
			return names
		}))
		return nil
	})
}
