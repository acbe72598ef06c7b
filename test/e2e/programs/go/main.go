// Every mediajobs resource from Go, through the Automation API's inline program and the installed plugin.
//
//	go run . <stack> <backend-dir>
//
// Runs preview -> up -> refresh -> destroy against the emulator at $MEDIAJOBS_EMULATOR_URL and prints one JSON line
// per step (what changed, and after up and refresh the stack's outputs) for test/e2e/go.e2e.test.ts to check. The
// credentials come from $MEDIAJOBS_E2E_* and are set as secret stack config of the mediajobs provider.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/pulumi-mediajobs/pulumi-mediajobs/sdk/go/mediajobs"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const (
	bucket = "examplebucket-1250000000"
	region = "ap-guangzhou"
	oss    = "oss://example-bucket.oss-cn-shanghai.aliyuncs.com"
)

func program(ctx *pulumi.Context) error {
	queue, err := mediajobs.NewMediaPipeline(ctx, "queue", &mediajobs.MediaPipelineArgs{
		Cloud: pulumi.String("tencentcloud"), Bucket: pulumi.String(bucket), Region: pulumi.String(region),
		Name: pulumi.String("go-queue"),
	})
	if err != nil {
		return err
	}
	info, err := mediajobs.NewCiMediaJob(ctx, "info", &mediajobs.CiMediaJobArgs{
		Bucket: pulumi.String(bucket), Region: pulumi.String(region), Tag: pulumi.String("MediaInfo"),
		Input:     &mediajobs.CiInputArgs{Object: pulumi.String("videos/clip.mp4")},
		Operation: &mediajobs.CiOperationArgs{}, QueueId: queue.PipelineId,
	})
	if err != nil {
		return err
	}
	cover, err := mediajobs.NewCiMediaJob(ctx, "cover", &mediajobs.CiMediaJobArgs{
		Bucket: pulumi.String(bucket), Region: pulumi.String(region), Tag: pulumi.String("SmartCover"),
		Input: &mediajobs.CiInputArgs{Object: pulumi.String("videos/clip.mp4")},
		Operation: &mediajobs.CiOperationArgs{
			SmartCover: &mediajobs.CiSmartCoverArgs{Format: pulumi.String("jpg"), Count: pulumi.Int(2),
				DeleteDuplicates: pulumi.Bool(true)},
			Output: &mediajobs.CiOutputArgs{Region: pulumi.String(region), Bucket: pulumi.String(bucket),
				Object: pulumi.String("covers/clip-${Number}.jpg")},
		},
		QueueId: queue.PipelineId,
	})
	if err != nil {
		return err
	}
	pipeline, err := mediajobs.NewMediaPipeline(ctx, "pipeline", &mediajobs.MediaPipelineArgs{
		Cloud: pulumi.String("alicloud"), Region: pulumi.String("cn-shanghai"), Name: pulumi.String("go-pipeline"),
	})
	if err != nil {
		return err
	}
	cartoon, err := mediajobs.NewIProductionJob(ctx, "cartoon", &mediajobs.IProductionJobArgs{
		Region: pulumi.String("cn-shanghai"), FunctionName: pulumi.String("ImageCartoonize"),
		Input: pulumi.String(oss + "/in/portrait.jpg"), Output: pulumi.String(oss + "/out/{source}-{timestamp}.jpg"),
		PipelineId: pipeline.PipelineId,
	})
	if err != nil {
		return err
	}
	batch, err := mediajobs.NewInventoryTriggerJob(ctx, "batch", &mediajobs.InventoryTriggerJobArgs{
		Bucket: pulumi.String(bucket), Region: pulumi.String(region), Name: pulumi.String("go-batch"),
		Input: &mediajobs.BatchInputArgs{Prefix: pulumi.String("videos/")},
		Operation: &mediajobs.BatchOperationArgs{
			Tag: pulumi.String("Transcode"), QueueId: queue.PipelineId,
			JobParam: &mediajobs.BatchJobParamArgs{Transcode: &mediajobs.CiTranscodeArgs{
				Container: &mediajobs.CiContainerArgs{Format: pulumi.String("mp4")},
				Video: &mediajobs.CiVideoArgs{Codec: pulumi.String("H.264"), Width: pulumi.Int(1280),
					Height: pulumi.Int(720)},
			}},
			Output: &mediajobs.CiOutputArgs{Region: pulumi.String(region), Bucket: pulumi.String(bucket),
				Object: pulumi.String("out/${InventoryTriggerJobId}/${jobid}.mp4")},
		},
	})
	if err != nil {
		return err
	}
	ctx.Export("queueId", queue.QueueId)
	ctx.Export("queueName", queue.Name)
	ctx.Export("infoJobId", info.JobId)
	ctx.Export("infoState", info.State)
	ctx.Export("formatName", info.MediaInfo.ApplyT(func(m *mediajobs.CiMediaInfo) *string {
		if m == nil {
			return nil
		}
		name, ok := m.Format["formatName"]
		if !ok {
			return nil
		}
		return &name
	}))
	ctx.Export("coverObjects", cover.OutputObjects.ApplyT(func(objs []mediajobs.CiOutputObject) []string {
		names := []string{}
		for _, o := range objs {
			names = append(names, o.Object)
		}
		return names
	}))
	ctx.Export("pipelineId", pipeline.PipelineId)
	ctx.Export("cartoonState", cartoon.State)
	ctx.Export("cartoonFiles", cartoon.OutputFiles)
	ctx.Export("batchState", batch.State)
	ctx.Export("batchTotal", batch.ChildJobs.ApplyT(func(c *mediajobs.ChildJobSummary) *int {
		if c == nil {
			return nil
		}
		return &c.Total
	}))
	return nil
}

func report(step string, changes map[string]int, outputs auto.OutputMap) {
	line := map[string]any{"step": step, "changes": changes}
	if outputs != nil {
		values := map[string]any{}
		for k, v := range outputs {
			values[k] = v.Value
		}
		line["outputs"] = values
	}
	b, _ := json.Marshal(line)
	fmt.Println(string(b))
}

func changesOf(m *map[string]int) map[string]int {
	if m == nil {
		return map[string]int{}
	}
	return *m
}

func opChanges(m map[apitype.OpType]int) map[string]int {
	out := map[string]int{}
	for k, v := range m {
		out[string(k)] = v
	}
	return out
}

func run() error {
	if len(os.Args) != 3 {
		return fmt.Errorf("usage: go run . <stack> <backend-dir>")
	}
	ctx := context.Background()
	stackName, backend := os.Args[1], os.Args[2]
	url := os.Getenv("MEDIAJOBS_EMULATOR_URL")
	project := workspace.Project{Name: "mediajobs-go-e2e", Runtime: workspace.NewProjectRuntimeInfo("go", nil),
		Backend: &workspace.ProjectBackend{URL: "file://" + backend}}
	stack, err := auto.UpsertStackInlineSource(ctx, stackName, "mediajobs-go-e2e", program, auto.Project(project))
	if err != nil {
		return err
	}
	config := auto.ConfigMap{
		"mediajobs:ciEndpoint":            {Value: url},
		"mediajobs:mpsEndpoint":           {Value: url},
		"mediajobs:tencentcloudSecretId":  {Value: os.Getenv("MEDIAJOBS_E2E_TENCENT_ID"), Secret: true},
		"mediajobs:tencentcloudSecretKey": {Value: os.Getenv("MEDIAJOBS_E2E_TENCENT_KEY"), Secret: true},
		"mediajobs:alicloudAccessKey":     {Value: os.Getenv("MEDIAJOBS_E2E_ALIBABA_ID"), Secret: true},
		"mediajobs:alicloudSecretKey":     {Value: os.Getenv("MEDIAJOBS_E2E_ALIBABA_KEY"), Secret: true},
	}
	if err := stack.SetAllConfig(ctx, config); err != nil {
		return err
	}
	preview, err := stack.Preview(ctx)
	if err != nil {
		return err
	}
	report("preview", opChanges(preview.ChangeSummary), nil)
	up, err := stack.Up(ctx)
	if err != nil {
		return err
	}
	report("up", changesOf(up.Summary.ResourceChanges), up.Outputs)
	refresh, err := stack.Refresh(ctx)
	if err != nil {
		return err
	}
	outputs, err := stack.Outputs(ctx)
	if err != nil {
		return err
	}
	report("refresh", changesOf(refresh.Summary.ResourceChanges), outputs)
	destroy, err := stack.Destroy(ctx)
	if err != nil {
		return err
	}
	report("destroy", changesOf(destroy.Summary.ResourceChanges), nil)
	return stack.Workspace().RemoveStack(ctx, stackName)
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
