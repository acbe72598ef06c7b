package main

import (
	"github.com/pulumi-mediajobs/pulumi-mediajobs/sdk/go/mediajobs"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		// A photo cartoonized by MPS; {source} and {timestamp} are MPS's own placeholders.
		cartoon, err := mediajobs.NewIProductionJob(ctx, "cartoon", &mediajobs.IProductionJobArgs{
			Region:         pulumi.String("cn-shanghai"),
			FunctionName:   pulumi.String("ImageCartoonize"),
			Input:          pulumi.String("oss://example-media.oss-cn-shanghai.aliyuncs.com/photos/team.jpg"),
			Output:         pulumi.String("oss://example-media.oss-cn-shanghai.aliyuncs.com/cartoons/{source}-{timestamp}.jpg"),
			UserData:       pulumi.String("album=team"),
			TimeoutSeconds: pulumi.Int(600),
		})
		if err != nil {
			return err
		}
		ctx.Export("jobId", cartoon.JobId)
		ctx.Export("state", cartoon.State)
		ctx.Export("outputFiles", cartoon.OutputFiles)
		return nil
	})
}
