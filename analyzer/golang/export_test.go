package golang

import "go/token"

// SetNoFixHook makes the analyzer tell hook why each call it reports got no
// fix; the returned function restores the previous hook. hook must be safe
// for concurrent use.
func SetNoFixHook(hook func(pos token.Position, why error)) (restore func()) {
	old := noFixHook
	noFixHook = hook
	return func() { noFixHook = old }
}
