//go:build !unix

package analyzer

import (
	"errors"
	"io"
	"os"
)

type rawFile struct{ f *os.File }

func openFile(name string) (rawFile, error) {
	f, err := os.Open(name)
	return rawFile{f}, err
}

func (f rawFile) size() (int64, error) {
	info, err := f.f.Stat()
	if err != nil {
		return 0, err
	}
	return info.Size(), nil
}

// Read reads into b; 0, nil at the end of the file.
func (f rawFile) Read(b []byte) (int, error) {
	n, err := f.f.Read(b)
	if errors.Is(err, io.EOF) {
		err = nil
	}
	return n, err
}

func (f rawFile) Close() error { return f.f.Close() }
