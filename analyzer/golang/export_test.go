package golang

import (
	"go/token"

	"github.com/migaudit/migaudit/rules"
)

// SetNoFixHook makes the analyzer tell hook why each call it reports got no
// fix; the returned function restores the previous hook. hook must be safe
// for concurrent use.
func SetNoFixHook(hook func(pos token.Position, why error)) (restore func()) {
	old := noFixHook
	noFixHook = hook
	return func() { noFixHook = old }
}

// SetCallHook makes the analyzer pass every call it reads to hook; the
// returned function restores the previous hook. hook must be safe for
// concurrent use.
func SetCallHook(hook func(call rules.Call)) (restore func()) {
	old := callHook
	callHook = hook
	return func() { callHook = old }
}
