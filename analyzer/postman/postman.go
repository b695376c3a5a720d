// Package postman reads Postman collections (v2.0 and v2.1) and Postman
// environment files into Calls and Bases.
//
// Every request of a collection, in folders of any depth, becomes a Call
// whose spans point into the JSON file: the URL (url.raw, or url.host and
// url.path when raw is missing) with collection variables substituted, the
// method, query entries the raw URL lacks, headers, JSON body keys, form
// fields, and the credentials of apikey auth inherited from folders and the
// collection (unless the request sends a parameter of that name itself). A
// raw URL's parts are exact; a URL built from pieces starts at its url
// object, so that findings about the call sit on the line of "url": {. A request whose URL starts with a variable the collection does
// not define, and that says nothing else about where it goes, waits in
// Found.Pending for a base from an environment file. Environment files give
// Bases: their variables that hold a v1 URL or a 360Learning host.
//
// Variables in a URL's query stay placeholders (the rules need only the
// names there). A request without a test script (on it, its folders or the
// collection) has Call.ResponseUnused set. Every request call has a Fixer
// (see requestFixer): it edits url.raw and keeps url.path and url.query in
// step, changes the method, removes parameters from the query list, the
// form and the JSON body (a body left empty goes), adds the 360-api-version
// header to the header list and gives the request its own bearer auth
// ({{accessToken}} unless a token is given), which replaces its own v1 API
// key auth and overrides one inherited from a folder or the collection.
// What it adds follows the file's indentation, line endings and layout.
package postman

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/migaudit/migaudit/rules"
)

// readerName is the Call.Reader of every call this package finds.
const readerName = "postman"

// ErrNotCollection is returned by Read for valid JSON that is neither a
// Postman collection nor a Postman environment.
var ErrNotCollection = errors.New("not a Postman collection")

// bom is the UTF-8 byte order mark some editors put at the start of a file.
var bom = []byte{0xEF, 0xBB, 0xBF}

// IsCollection reports whether a JSON document is a Postman collection: it
// names Postman's schema or carries a _postman_id, and its top level holds
// info and item. A collection cut short after its info still counts, so that
// Read can report what is wrong with it.
func IsCollection(src []byte) bool {
	if !bytes.Contains(src, []byte("schema.getpostman.com")) && !bytes.Contains(src, []byte("_postman_id")) {
		return false
	}
	root, err := parseJSON(src, skipBOM(src))
	root = unwrap(root)
	if root == nil || root.kind != kObject {
		return false
	}
	info := root.get("info")
	if info == nil || info.kind != kObject {
		return false
	}
	item := root.get("item")
	return item != nil && item.kind == kArray || err != nil
}

// IsEnvironment reports whether a JSON document is a Postman environment (or
// globals) export: "_postman_variable_scope" with a "values" array.
func IsEnvironment(src []byte) bool {
	if !bytes.Contains(src, []byte("_postman_variable_scope")) {
		return false
	}
	root, _ := parseJSON(src, skipBOM(src))
	return isEnvironmentRoot(root)
}

// unwrap returns the collection inside a Postman API response saved to a
// file ({"collection": {…}}), or root itself.
func unwrap(root *node) *node {
	if root == nil || root.kind != kObject || len(root.keys) != 1 || root.keys[0].str != "collection" {
		return root
	}
	if v := root.vals[0]; v.kind == kObject {
		return v
	}
	return root
}

func isEnvironmentRoot(root *node) bool {
	if root == nil || root.kind != kObject {
		return false
	}
	switch root.text("_postman_variable_scope") {
	case "environment", "globals":
	default:
		return false
	}
	values := root.get("values")
	return values != nil && values.kind == kArray
}

func skipBOM(src []byte) int {
	if bytes.HasPrefix(src, bom) {
		return len(bom)
	}
	return 0
}

// Read returns the requests of a collection as Calls (and, for an
// environment file, its v1 base URLs as Bases). Malformed JSON gives an
// error "invalid JSON: line L col C: reason"; valid JSON that is neither a
// collection nor an environment gives ErrNotCollection.
func Read(file string, src []byte) (*rules.Found, error) {
	if !utf8.Valid(src) {
		off := firstInvalidUTF8(src)
		return nil, jsonError(src, off, "invalid UTF-8")
	}
	root, err := parseJSON(src, skipBOM(src))
	if err != nil {
		var se *syntaxError
		if errors.As(err, &se) {
			return nil, jsonError(src, se.off, se.msg)
		}
		return nil, fmt.Errorf("invalid JSON: %v", err)
	}
	if isEnvironmentRoot(root) {
		return readEnvironment(file, src, root), nil
	}
	root = unwrap(root)
	if root.kind == kObject && root.get("info") != nil {
		if item := root.get("item"); item != nil && item.kind == kArray {
			return readCollection(file, src, root), nil
		}
	}
	if root.kind == kObject && root.get("requests") != nil && root.get("order") != nil {
		return nil, fmt.Errorf("%w: this is the Postman collection format v1, which is not read: export it from Postman as v2.1", ErrNotCollection)
	}
	return nil, ErrNotCollection
}

func jsonError(src []byte, off int, msg string) error {
	line, col := rules.NewLines(src).Position(off)
	return fmt.Errorf("invalid JSON: line %d col %d: %s", line, col, msg)
}

func firstInvalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(src)
}
