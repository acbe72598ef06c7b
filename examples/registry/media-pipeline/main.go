package main

import (
	"github.com/pulumi-mediajobs/pulumi-mediajobs/sdk/go/mediajobs"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		// An MPS pipeline that reports to an MNS queue (added, and deleted on destroy).
		pipeline, err := mediajobs.NewMediaPipeline(ctx, "cartoon-pipeline", &mediajobs.MediaPipelineArgs{
			Cloud:        pulumi.String("alicloud"),
			Region:       pulumi.String("cn-shanghai"),
			Name:         pulumi.String("cartoonize"),
			State:        pulumi.String("Active"),
			NotifyConfig: &mediajobs.MediaPipelineNotifyConfigArgs{QueueName: pulumi.String("mps-events")},
		})
		if err != nil {
			return err
		}
		// A CI queue of a bucket, adopted and renamed (CI has no API to create queues; destroy restores its settings).
		queue, err := mediajobs.NewMediaPipeline(ctx, "transcode-queue", &mediajobs.MediaPipelineArgs{
			Cloud:    pulumi.String("tencentcloud"),
			Bucket:   pulumi.String("examplebucket-1250000000"),
			Region:   pulumi.String("ap-guangzhou"),
			Category: pulumi.String("Transcoding"),
			Name:     pulumi.String("pulumi-transcode"),
			State:    pulumi.String("Active"),
		})
		if err != nil {
			return err
		}
		ctx.Export("pipelineId", pipeline.PipelineId)
		ctx.Export("queueId", queue.PipelineId)
		ctx.Export("queueOriginalName", queue.Original.ApplyT(func(o *mediajobs.QueueSettings) string {
			if o == nil {
				return ""
			}
			return o.Name
		}))
		return nil
	})
}
