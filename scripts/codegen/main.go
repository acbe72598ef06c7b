// mediajobs-codegen generates a language SDK from the package schema with Pulumi's own code generators, the ones
// `pulumi package gen-sdk` runs inside each language plugin (which cannot be built here). It is built beside the
// engine by scripts/gen-sdk.sh, against the same github.com/pulumi/pulumi/pkg/v3.
//
//	mediajobs-codegen <schema.json> <nodejs|python|go> <out-dir>
//
// Every file the generator answers is written under out-dir; the caller empties out-dir first.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	nodejsgen "github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	pythongen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"

	"github.com/blang/semver"
)

const tool = "mediajobs-codegen"

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: mediajobs-codegen <schema.json> <nodejs|python|go> <out-dir>")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2], os.Args[3]); err != nil {
		fmt.Fprintf(os.Stderr, "mediajobs-codegen: %v\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, language, outDir string) error {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	// Binding validates the schema against Pulumi's metaschema and resolves every type reference.
	pkg, diags, err := schema.BindSpec(spec, noPackages{}, schema.ValidationOptions{})
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		return fmt.Errorf("%s does not bind: %v", schemaPath, diags)
	}
	loader := noPackages{}
	var files map[string][]byte
	switch language {
	case "nodejs":
		files, err = nodejsgen.GeneratePackage(tool, pkg, nil, nil, false, loader)
		if err == nil {
			err = registerWithoutPromiseTraces(files)
		}
	case "python":
		files, err = pythongen.GeneratePackage(tool, pkg, nil, loader)
	case "go":
		files, err = gogen.GeneratePackage(tool, pkg, nil)
	default:
		return fmt.Errorf("unknown language %q (nodejs, python or go)", language)
	}
	if err != nil {
		return err
	}
	for name, content := range files {
		path := filepath.Join(outDir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// The one line of a generated Node resource class that registers the resource.
var superCall = regexp.MustCompile(`(?m)^( +)(super\((\w+)\.__pulumiType, name, resourceInputs, opts(?:, [^)]*)?\);)$`)

// registerWithoutPromiseTraces makes each generated Node resource class register with Error.stackTraceLimit at 0.
// While it registers a resource, @pulumi/pulumi wraps every property's promise in debuggablePromise, which reads
// `new Error().stack` for its promise-leak report; every program runs with source-map-support, which maps each frame
// of each such trace through the source maps. For a class of 25 properties that was 0.5 ms per property, 2.7 s of a
// 200-resource preview (npm run bench -- --profile). The resource's own stack trace, which the engine records, is
// taken by the SDK with no limit and is unaffected; only the leak report loses the frames of these promises. Every
// resource file must have exactly one such call, so a change of the generator's output fails here, not silently.
func registerWithoutPromiseTraces(files map[string][]byte) error {
	for name, content := range files {
		text := string(content)
		if !strings.Contains(text, ".__pulumiType, name, resourceInputs, opts") {
			continue
		}
		matches := superCall.FindAllStringSubmatchIndex(text, -1)
		if len(matches) != 1 {
			return fmt.Errorf("%s: expected one resource registration (super(<Class>.__pulumiType, name, "+
				"resourceInputs, opts)), found %d", name, len(matches))
		}
		m := matches[0]
		indent, call := text[m[2]:m[3]], text[m[4]:m[5]]
		replacement := indent + "// Registered without a stack trace per property (see mediajobs-codegen).\n" +
			indent + "const stackTraceLimit = Error.stackTraceLimit;\n" +
			indent + "Error.stackTraceLimit = 0;\n" +
			indent + "try {\n" +
			indent + "    " + call + "\n" +
			indent + "} finally {\n" +
			indent + "    Error.stackTraceLimit = stackTraceLimit;\n" +
			indent + "}"
		files[name] = []byte(text[:m[0]] + replacement + text[m[1]:])
	}
	return nil
}

// noPackages is the loader of a schema that references no other package: any reference is an error in the schema.
type noPackages struct{}

func (noPackages) LoadPackage(pkg string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema references package %q: mediajobs references no other package", pkg)
}

func (l noPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, nil)
}

func (l noPackages) LoadPackageReference(pkg string, v *semver.Version) (schema.PackageReference, error) {
	_, err := l.LoadPackage(pkg, v)
	return nil, err
}

func (l noPackages) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	_, err := l.LoadPackage(d.Name, nil)
	return nil, err
}
