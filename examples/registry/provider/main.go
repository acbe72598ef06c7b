package main

import (
	"github.com/pulumi-mediajobs/pulumi-mediajobs/sdk/go/mediajobs"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		// A second Tencent Cloud account beside the default provider's (the stack's mediajobs:* config).
		cfg := config.New(ctx, "")
		archive, err := mediajobs.NewProvider(ctx, "archive-account", &mediajobs.ProviderArgs{
			TencentcloudSecretId:  cfg.RequireSecret("archiveSecretId"),
			TencentcloudSecretKey: cfg.RequireSecret("archiveSecretKey"),
			TencentcloudRegion:    pulumi.String("ap-beijing"),
		})
		if err != nil {
			return err
		}
		info, err := mediajobs.NewCiMediaJob(ctx, "archive-info", &mediajobs.CiMediaJobArgs{
			Bucket:    pulumi.String("archive-1250000000"),
			Tag:       pulumi.String("MediaInfo"),
			Input:     &mediajobs.CiInputArgs{Object: pulumi.String("videos/clip.mp4")},
			Operation: &mediajobs.CiOperationArgs{},
		}, pulumi.Provider(archive))
		if err != nil {
			return err
		}
		ctx.Export("format", info.MediaInfo.ApplyT(func(m *mediajobs.CiMediaInfo) map[string]string {
			if m == nil {
				return nil
			}
			return m.Format
		}))
		return nil
	})
}
