package pipeline

import (
	"bufio"
	"fmt"
	"os"
)

// spill is an append-only temporary file read back at offsets: the
// single-worker stages keep the documents they are given there rather than
// in memory, as link.Linker does.
type spill struct {
	f *os.File
	w *bufio.Writer
	n int64
}

// newSpill creates a spill file in the default temporary folder.
func newSpill(pattern string) (*spill, error) {
	f, err := os.CreateTemp("", pattern)
	if err != nil {
		return nil, fmt.Errorf("spill file: %w", err)
	}
	return &spill{f: f, w: bufio.NewWriterSize(f, 1<<20)}, nil
}

// add appends b and returns its offset.
func (s *spill) add(b []byte) (int64, error) {
	off := s.n
	n, err := s.w.Write(b)
	s.n += int64(n)
	if err != nil {
		return off, fmt.Errorf("writing %s: %w", s.f.Name(), err)
	}
	return off, nil
}

// flush makes what was added readable.
func (s *spill) flush() error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", s.f.Name(), err)
	}
	return nil
}

// get returns the n bytes at off; call flush first.
func (s *spill) get(off, n int64) ([]byte, error) {
	b := make([]byte, n)
	if _, err := s.f.ReadAt(b, off); err != nil {
		return nil, fmt.Errorf("reading %s: %w", s.f.Name(), err)
	}
	return b, nil
}

// close removes the file.
func (s *spill) close() error {
	err := s.f.Close()
	if rerr := os.Remove(s.f.Name()); err == nil {
		err = rerr
	}
	return err
}

// entry is a record kept in a spill: its place in input order and where it
// is.
type entry struct {
	pos      int64
	name     string
	off, len int64
}
