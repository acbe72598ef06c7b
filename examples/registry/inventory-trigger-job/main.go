package main

import (
	"github.com/pulumi-mediajobs/pulumi-mediajobs/sdk/go/mediajobs"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		// Every video under uploads/ transcoded to 720p MP4; ${InventoryTriggerJobId} and ${jobid} are CI's placeholders.
		batch, err := mediajobs.NewInventoryTriggerJob(ctx, "uploads-720p", &mediajobs.InventoryTriggerJobArgs{
			Bucket: pulumi.String("examplebucket-1250000000"),
			Region: pulumi.String("ap-guangzhou"),
			Name:   pulumi.String("uploads-720p"),
			Type:   pulumi.String("Job"),
			Input:  &mediajobs.BatchInputArgs{Prefix: pulumi.String("uploads/")},
			Operation: &mediajobs.BatchOperationArgs{
				Tag: pulumi.String("Transcode"),
				JobParam: &mediajobs.BatchJobParamArgs{
					Transcode: &mediajobs.CiTranscodeArgs{
						Container: &mediajobs.CiContainerArgs{Format: pulumi.String("mp4")},
						Video: &mediajobs.CiVideoArgs{Codec: pulumi.String("H.264"), Width: pulumi.Int(1280),
							Height: pulumi.Int(720)},
						Audio: &mediajobs.CiAudioArgs{Codec: pulumi.String("aac")},
					},
				},
				Output: &mediajobs.CiOutputArgs{Region: pulumi.String("ap-guangzhou"),
					Bucket: pulumi.String("examplebucket-1250000000"),
					Object: pulumi.String("transcoded/${InventoryTriggerJobId}/${jobid}.mp4")},
			},
			TimeoutSeconds: pulumi.Int(3600),
		})
		if err != nil {
			return err
		}
		ctx.Export("jobId", batch.JobId)
		ctx.Export("state", batch.State)
		ctx.Export("byState", batch.ChildJobs.ApplyT(func(c *mediajobs.ChildJobSummary) map[string]int {
			if c == nil {
				return nil
			}
			return c.ByState
		}))
		return nil
	})
}
