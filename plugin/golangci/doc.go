// Package golangci registers migaudit's Go pass ([golang.Analyzer]) as a
// golangci-lint v2 module plugin named migaudit.
//
// golangci-lint links module plugins into a custom binary built by
// `golangci-lint custom` from a .custom-gcl.yml that imports this package:
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/migaudit/migaudit
//	    import: github.com/migaudit/migaudit/plugin/golangci
//	    version: v1.2.3   # a migaudit release tag, or instead:
//	    # path: /path/to/a/migaudit/checkout
//
// The linter is then enabled in .golangci.yml as a custom linter of type
// module; its settings are [Settings]:
//
//	version: "2"
//	linters:
//	  enable: [migaudit]
//	  settings:
//	    custom:
//	      migaudit:
//	        type: module
//	        description: 360Learning API v1 calls and their v2 migration
//	        settings:
//	          hosts: [lms.acme.io, "*.lms.acme.io"]
//	          rules: [tools/migaudit/extra-rules.yaml]
//	issues:
//	  uniq-by-line: false
//
// golangci-lint keeps one issue per line unless issues.uniq-by-line is
// false, and migaudit may report two findings on one line (an endpoint and
// its credentials).
//
// The plugin needs type information (load mode typesinfo), as the pass
// follows URLs through constants, fields and helpers across packages.
package golangci
