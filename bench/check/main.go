// Command check compares `migaudit scan --format json` output with the
// manifest bench/gen writes: every planted call (path, line, operation) must
// have a finding of that operation on that line. Findings on lines where
// nothing was planted are listed as unexpected (possible false positives).
//
//	check -manifest bench/out/manifest.tsv -tree bench/out/tree scan.json
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
)

type finding struct {
	Rule      string `json:"rule"`
	Operation string `json:"operation"`
	Path      string `json:"path"`
	Line      int    `json:"line"`
}

type report struct {
	Findings []finding `json:"findings"`
	Errors   []struct {
		Path    string `json:"path"`
		Message string `json:"message"`
	} `json:"errors"`
}

type site struct {
	path string
	line int
}

func main() {
	manifest := flag.String("manifest", "", "manifest.tsv from bench/gen")
	tree := flag.String("tree", "", "the tree as passed to migaudit scan")
	flag.Parse()
	if *manifest == "" || *tree == "" || flag.NArg() != 1 {
		log.Fatal("usage: check -manifest FILE -tree DIR scan.json")
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	var r report
	if err := json.Unmarshal(data, &r); err != nil {
		log.Fatalf("%s: %v", flag.Arg(0), err)
	}
	found := map[site]map[string]bool{}
	for _, f := range r.Findings {
		s := site{f.Path, f.Line}
		if found[s] == nil {
			found[s] = map[string]bool{}
		}
		found[s][f.Operation] = true
	}

	mf, err := os.Open(*manifest)
	if err != nil {
		log.Fatal(err)
	}
	defer mf.Close()
	prefix := path.Clean(strings.ReplaceAll(*tree, "\\", "/"))
	planted := map[site]bool{}
	total, missing := 0, 0
	sc := bufio.NewScanner(mf)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 3 {
			continue
		}
		line, err := strconv.Atoi(fields[1])
		if err != nil {
			log.Fatalf("manifest: %q: %v", sc.Text(), err)
		}
		total++
		s := site{path.Join(prefix, fields[0]), line}
		planted[s] = true
		if !found[s][fields[2]] {
			missing++
			fmt.Printf("MISSING  %s:%d %s\n", s.path, s.line, fields[2])
		}
	}
	var extra []string
	for _, f := range r.Findings {
		if !planted[site{f.Path, f.Line}] {
			extra = append(extra, fmt.Sprintf("%s:%d %s", f.Path, f.Line, f.Rule))
		}
	}
	sort.Strings(extra)
	for _, e := range extra {
		fmt.Printf("UNPLANTED %s\n", e)
	}
	for _, e := range r.Errors {
		fmt.Printf("ERROR    %s: %s\n", e.Path, e.Message)
	}
	fmt.Printf("planted calls found: %d/%d; findings elsewhere: %d; file errors: %d\n", total-missing, total, len(extra), len(r.Errors))
	if missing > 0 {
		os.Exit(1)
	}
}
