// mediajobs-docsgen: renders the Pulumi Registry's API pages of a package schema with Pulumi's own docs generator
// (github.com/pulumi/pulumi/pkg/v3/codegen/docs). That package left pulumi/pulumi after v3.143.0 (it moved to the
// registry's repository, which is not published as a Go module), so this tool is a Go module of its own, pinned to
// v3.143.0, apart from scripts/codegen (which follows the engine's version).
//
// Usage: mediajobs-docsgen <schema.json> <output directory>
// Writes one markdown file per page (the package's _index.md, provider/_index.md, <resource>/_index.md) and prints
// each path.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/pulumi/pulumi/pkg/v3/codegen/docs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "mediajobs-docsgen: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	if len(os.Args) != 3 {
		fail("usage: mediajobs-docsgen <schema.json> <output directory>")
	}
	raw, err := os.ReadFile(os.Args[1])
	if err != nil {
		fail("%v", err)
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		fail("%s: %v", os.Args[1], err)
	}
	pkg, diags, err := schema.BindSpec(spec, nil)
	if err != nil {
		fail("binding %s: %v", os.Args[1], err)
	}
	if diags.HasErrors() {
		fail("binding %s: %s", os.Args[1], diags.Error())
	}
	files, err := docs.NewContext("mediajobs-docsgen", pkg).GeneratePackage()
	if err != nil {
		fail("generating: %v", err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(os.Args[2], name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fail("%v", err)
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			fail("%v", err)
		}
		fmt.Println(path)
	}
}
