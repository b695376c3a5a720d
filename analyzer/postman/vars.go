package postman

// varScope holds the variables one level (collection or folder) defines,
// over those of the levels enclosing it. Levels are layered rather than
// copied: copying every enclosing variable into each of thousands of
// folders took time quadratic in the file's size.
type varScope struct {
	own    map[string]string
	parent *varScope
	// steps is the lookup budget shared by the whole collection.
	steps *int
}

// maxLookupSteps bounds the levels all lookups of one collection may walk
// through (a lookup walks up to maxFolderDepth levels); past it variables
// read as undefined and their placeholders stay holes.
const maxLookupSteps = 1 << 22

// lookup returns the value of the variable name at the nearest level that
// defines it.
func (s *varScope) lookup(name string) (string, bool) {
	for ; s != nil; s = s.parent {
		if *s.steps <= 0 {
			return "", false
		}
		*s.steps--
		if v, ok := s.own[name]; ok {
			return v, true
		}
	}
	return "", false
}

// addVariables returns parent extended with the enabled variables of list
// (a "variable" array of {key, value, disabled}); parent itself when list
// defines none. A variable with an empty value is left out: Postman takes
// such a value from the environment, so the collection does not define it.
// steps is the shared lookup budget.
func addVariables(parent *varScope, list *node, steps *int) *varScope {
	if list == nil || list.kind != kArray || len(list.elems) == 0 {
		return parent
	}
	own := map[string]string{}
	for _, v := range list.elems {
		if v.kind != kObject || v.isDisabled() {
			continue
		}
		key := v.text("key")
		if key == "" {
			key = v.text("id") // v2.0 variables may carry only an id
		}
		val := v.get("value")
		if key == "" || val == nil {
			continue
		}
		switch val.kind {
		case kString:
			if val.str != "" {
				own[key] = val.str
			}
		case kNumber, kBool:
			own[key] = val.str
		}
	}
	if len(own) == 0 {
		return parent
	}
	return &varScope{own: own, parent: parent, steps: steps}
}
