// Command v2opsgen derives migaudit's compact table of 360Learning v2
// operations from the official OpenAPI reference.
//
// Usage (from the repository root, as go generate runs it in rules/):
//
//	go run ./internal/v2opsgen -spec ../shared/spec/360learning-v2-core-api.json -out rules/v2ops.json
//
// The table keeps only facts: method, path template, operation name, the
// parameters with where they go, enum values of path parameters, the body
// properties and the required headers. None of the reference's prose is
// copied beyond each operation's short summary, which names it.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Operation is one row of the generated table; rules.V2Operation mirrors it.
type Operation struct {
	Method   string   `json:"method"`
	Path     string   `json:"path"`
	Name     string   `json:"name"`
	ID       string   `json:"id"`
	Params   []Param  `json:"params,omitempty"`
	Body     []string `json:"body,omitempty"`
	Headers  []string `json:"headers,omitempty"`
	Security bool     `json:"bearer,omitempty"`
}

// Param is one parameter of an operation.
type Param struct {
	Name     string   `json:"name"`
	In       string   `json:"in"`
	Required bool     `json:"required,omitempty"`
	Enum     []string `json:"enum,omitempty"`
	// Keys are the bracket keys of a deepObject filter (value[eq], …).
	Keys []string `json:"keys,omitempty"`
}

type spec struct {
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Security   []map[string][]string                 `json:"security"`
	Components struct {
		Schemas map[string]schema `json:"schemas"`
	} `json:"components"`
}

type schema struct {
	Ref        string            `json:"$ref"`
	Type       any               `json:"type"`
	Enum       []any             `json:"enum"`
	Properties map[string]schema `json:"properties"`
	AllOf      []schema          `json:"allOf"`
	Items      *schema           `json:"items"`
}

type operation struct {
	OperationID string `json:"operationId"`
	Summary     string `json:"summary"`
	Parameters  []struct {
		Name     string `json:"name"`
		In       string `json:"in"`
		Required bool   `json:"required"`
		Schema   schema `json:"schema"`
	} `json:"parameters"`
	RequestBody *struct {
		Content map[string]struct {
			Schema schema `json:"schema"`
		} `json:"content"`
	} `json:"requestBody"`
	Security []map[string][]string `json:"security"`
}

func main() {
	specPath := flag.String("spec", "../shared/spec/360learning-v2-core-api.json", "the v2 OpenAPI reference")
	out := flag.String("out", "rules/v2ops.json", "where to write the table")
	flag.Parse()
	ops, err := generate(*specPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "v2opsgen:", err)
		os.Exit(1)
	}
	data, err := json.MarshalIndent(ops, "", " ")
	if err != nil {
		fmt.Fprintln(os.Stderr, "v2opsgen:", err)
		os.Exit(1)
	}
	data = append(data, '\n')
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".v2ops-*.json")
	if err == nil {
		_, err = tmp.Write(data)
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp.Name(), *out)
		}
		if err != nil {
			os.Remove(tmp.Name())
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "v2opsgen:", err)
		os.Exit(1)
	}
}

func generate(specPath string) ([]Operation, error) {
	raw, err := os.ReadFile(specPath)
	if err != nil {
		return nil, err
	}
	var s spec
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("%s: %v", specPath, err)
	}
	var ops []Operation
	for path, methods := range s.Paths {
		for method, body := range methods {
			m := strings.ToUpper(method)
			switch m {
			case "GET", "PUT", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS":
			default:
				continue
			}
			var o operation
			if err := json.Unmarshal(body, &o); err != nil {
				return nil, fmt.Errorf("%s %s: %v", m, path, err)
			}
			op := Operation{Method: m, Path: path, Name: o.Summary, ID: shortID(o.OperationID)}
			for _, p := range o.Parameters {
				sc := s.resolve(p.Schema)
				if p.In == "header" {
					if p.Required {
						op.Headers = append(op.Headers, p.Name)
					}
					continue
				}
				prm := Param{Name: p.Name, In: p.In, Required: p.Required}
				for _, e := range sc.Enum {
					prm.Enum = append(prm.Enum, fmt.Sprint(e))
				}
				for k := range sc.Properties {
					prm.Keys = append(prm.Keys, k)
				}
				sort.Strings(prm.Keys)
				op.Params = append(op.Params, prm)
			}
			if o.RequestBody != nil {
				seen := map[string]bool{}
				for _, c := range o.RequestBody.Content {
					for k := range s.properties(c.Schema) {
						if !seen[k] {
							seen[k] = true
							op.Body = append(op.Body, k)
						}
					}
				}
				sort.Strings(op.Body)
			}
			sec := o.Security
			if sec == nil {
				sec = s.Security
			}
			for _, req := range sec {
				if _, ok := req["oauth2"]; ok {
					op.Security = true
				}
			}
			ops = append(ops, op)
		}
	}
	sort.Slice(ops, func(i, j int) bool {
		if ops[i].Path != ops[j].Path {
			return ops[i].Path < ops[j].Path
		}
		return ops[i].Method < ops[j].Method
	})
	return ops, nil
}

// shortID drops the controller prefix: "v2.users.UpdateUserController_updateUser" → "updateUser".
func shortID(id string) string {
	if i := strings.LastIndexByte(id, '_'); i >= 0 {
		return id[i+1:]
	}
	return id
}

func (s *spec) resolve(sc schema) schema {
	for i := 0; sc.Ref != "" && i < 10; i++ {
		sc = s.Components.Schemas[strings.TrimPrefix(sc.Ref, "#/components/schemas/")]
	}
	return sc
}

func (s *spec) properties(sc schema) map[string]schema {
	sc = s.resolve(sc)
	props := map[string]schema{}
	for k, v := range sc.Properties {
		props[k] = v
	}
	for _, sub := range sc.AllOf {
		for k, v := range s.properties(sub) {
			props[k] = v
		}
	}
	if sc.Items != nil && len(props) == 0 {
		return s.properties(*sc.Items)
	}
	return props
}
