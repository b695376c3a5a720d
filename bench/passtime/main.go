// Command passtime measures how long migaudit's Go pass and go vet's default
// suite take on the same loaded packages, without loading or type-checking:
// it loads a module's packages (with tests) once, runs each set of analyzers
// with golang.org/x/tools/go/analysis/checker, one package at a time, and
// prints the analysis time of each set and the packages where migaudit's
// pass spends the most. bench/vet.sh measures the whole go vet instead.
//
//	go run ./bench/passtime -dir /path/to/module [-cpuprofile cpu.prof] [-top 10] [patterns]
package main

import (
	"cmp"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime/pprof"
	"slices"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/migaudit/migaudit/analyzer/golang"
)

func main() {
	dir := flag.String("dir", ".", "module directory")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of migaudit's pass to this file")
	top := flag.Int("top", 10, "how many packages to list")
	flag.Parse()
	log.SetFlags(0)
	patterns := flag.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}

	start := time.Now()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: *dir, Tests: true}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		log.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		log.Fatalf("%d package errors", n)
	}
	fmt.Printf("loaded %d packages in %v\n", len(pkgs), time.Since(start).Round(time.Millisecond))

	var stop func()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		stop = func() { pprof.StopCPUProfile(); f.Close() }
	}
	mig := run("migaudit", []*analysis.Analyzer{golang.Analyzer}, pkgs)
	if stop != nil {
		stop()
	}
	run("go vet suite", vetSuite, pkgs)

	slices.SortFunc(mig, func(a, b *checker.Action) int { return cmp.Compare(b.Duration, a.Duration) })
	fmt.Printf("slowest packages for the migaudit analyzer:\n")
	for _, act := range mig[:min(*top, len(mig))] {
		fmt.Printf("  %8v  %s (%d files)\n", act.Duration.Round(time.Microsecond), act.Package.ID, len(act.Package.Syntax))
	}
}

// run analyzes pkgs sequentially, prints the time of every action (the
// analyzers and their requirements, on the roots and on the dependencies
// they need facts from) and returns the actions of the named analyzers.
func run(name string, analyzers []*analysis.Analyzer, pkgs []*packages.Package) []*checker.Action {
	start := time.Now()
	g, err := checker.Analyze(analyzers, pkgs, &checker.Options{Sequential: true})
	if err != nil {
		log.Fatal(err)
	}
	wall := time.Since(start)
	byAnalyzer := map[string]time.Duration{}
	var total time.Duration
	var own []*checker.Action
	for act := range g.All() {
		total += act.Duration
		byAnalyzer[act.Analyzer.Name] += act.Duration
		if slices.Contains(analyzers, act.Analyzer) {
			own = append(own, act)
		}
	}
	fmt.Printf("%-14s %9v wall, %9v in actions", name, wall.Round(time.Millisecond), total.Round(time.Millisecond))
	for _, a := range []string{"inspect", "migaudit", "printf", "ctrlflow"} {
		if d, ok := byAnalyzer[a]; ok {
			fmt.Printf(", %s %v", a, d.Round(time.Millisecond))
		}
	}
	fmt.Println()
	return own
}
