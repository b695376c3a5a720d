package curl

import (
	"sort"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// assignment is a variable assignment the script makes: X=…, export X=…,
// local X=…, : "${X:=…}". A nil value marks a variable set from input
// (read, for) whose value is unknown.
type assignment struct {
	name  string
	value *syntax.Word
	unit  *unit
	// at is the file offset where the assignment takes effect (its end).
	at int
}

// varTable holds a script's assignments by name, in file order.
type varTable map[string][]*assignment

// lookup returns the assignment of name in effect at file offset at: the
// last one made before at, else (a function body run later, a variable set
// further down) the first one the script makes.
func (t varTable) lookup(name string, at int) *assignment {
	list := t[name]
	if len(list) == 0 {
		return nil
	}
	var best *assignment
	for _, a := range list {
		if a.at <= at {
			best = a
		}
	}
	if best == nil {
		best = list[0]
	}
	return best
}

func (t varTable) add(a *assignment) {
	t[a.name] = append(t[a.name], a)
}

func (t varTable) sort() {
	for _, list := range t {
		sort.SliceStable(list, func(i, j int) bool { return list[i].at < list[j].at })
	}
}

// collectVars records the assignments of a parsed unit.
func (r *reader) collectVars(u *unit) {
	end := func(n syntax.Node) int { return u.base + int(n.End().Offset()) }
	addAssign := func(as *syntax.Assign) {
		if as.Name == nil || as.Naked && as.Value == nil && as.Array == nil {
			return
		}
		a := &assignment{name: as.Name.Value, unit: u, at: end(as)}
		if as.Array == nil && !as.Append && as.Index == nil {
			a.value = as.Value
			if a.value == nil {
				a.value = &syntax.Word{} // X= sets the empty string
			}
		}
		r.vars.add(a)
	}
	syntax.Walk(u.f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.CallExpr:
			if len(n.Args) == 0 {
				for _, as := range n.Assigns {
					addAssign(as)
				}
				return true
			}
			if n.Args[0].Lit() == "read" || n.Args[0].Lit() == "mapfile" || n.Args[0].Lit() == "readarray" {
				for _, name := range readNames(n.Args[1:]) {
					r.vars.add(&assignment{name: name, unit: u, at: end(n)})
				}
			}
		case *syntax.DeclClause:
			for _, as := range n.Args {
				if as.Naked && as.Name == nil {
					continue
				}
				addAssign(as)
			}
		case *syntax.ParamExp:
			if n.Param != nil && n.Exp != nil && (n.Exp.Op == syntax.AssignUnset || n.Exp.Op == syntax.AssignUnsetOrNull) {
				w := n.Exp.Word
				if w == nil {
					w = &syntax.Word{}
				}
				r.vars.add(&assignment{name: n.Param.Value, value: w, unit: u, at: end(n)})
			}
		case *syntax.WordIter:
			if n.Name != nil {
				r.vars.add(&assignment{name: n.Name.Value, unit: u, at: u.base + int(n.Name.Pos().Offset())})
			}
		}
		return true
	})
}

// readNames returns the variables a read command sets.
func readNames(args []*syntax.Word) []string {
	var names []string
	for i := 0; i < len(args); i++ {
		s := args[i].Lit()
		switch {
		case s == "":
		case strings.HasPrefix(s, "-"):
			// Options that take a value: -p prompt, -d delim, -n N, -t T, -u fd, -a array.
			if len(s) == 2 && strings.ContainsRune("pdntuaNi", rune(s[1])) {
				if s[1] == 'a' && i+1 < len(args) {
					names = append(names, args[i+1].Lit())
				}
				i++
			}
		default:
			names = append(names, s)
		}
	}
	return names
}
