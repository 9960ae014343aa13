package story

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"math"
	"os"
)

// spill keeps the feature counts of clustered articles in a temporary file,
// so that a cluster holds only each member's ID and file offset and reads
// the counts back when it needs them (to split a group, to label it).
type spill struct {
	f   *os.File
	w   *bufio.Writer
	n   int64
	buf []byte
	err error // the first read or write error
}

func newSpill(dir string) (*spill, error) {
	f, err := os.CreateTemp(dir, "hearsay-story-*.bin")
	if err != nil {
		return nil, fmt.Errorf("story: feature file: %w", err)
	}
	return &spill{f: f, w: bufio.NewWriterSize(f, 1<<16)}, nil
}

// put writes m's features and returns m without them.
func (s *spill) put(m member) member {
	off := s.n
	b := s.buf[:0]
	b = binary.LittleEndian.AppendUint32(b, uint32(len(m.ids)))
	for i, id := range m.ids {
		b = binary.LittleEndian.AppendUint32(b, id)
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.tf[i]))
	}
	s.buf = b
	if _, err := s.w.Write(b); err != nil && s.err == nil {
		s.err = fmt.Errorf("story: writing features: %w", err)
	}
	s.n += int64(len(b))
	return member{id: m.id, off: off}
}

// get returns m with its features read back.
func (s *spill) get(m member) member {
	if s.err != nil {
		return m
	}
	if s.w.Buffered() > 0 {
		if err := s.w.Flush(); err != nil {
			s.err = fmt.Errorf("story: writing features: %w", err)
			return m
		}
	}
	var head [4]byte
	if _, err := s.f.ReadAt(head[:], m.off); err != nil {
		s.err = fmt.Errorf("story: reading features: %w", err)
		return m
	}
	n := int(binary.LittleEndian.Uint32(head[:]))
	b := make([]byte, 8*n)
	if _, err := s.f.ReadAt(b, m.off+4); err != nil {
		s.err = fmt.Errorf("story: reading features: %w", err)
		return m
	}
	m.ids, m.tf = make([]uint32, n), make([]float32, n)
	for i := range n {
		m.ids[i] = binary.LittleEndian.Uint32(b[8*i:])
		m.tf[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[8*i+4:]))
	}
	return m
}

func (s *spill) close() error {
	name := s.f.Name()
	err := s.f.Close()
	if rerr := os.Remove(name); err == nil {
		err = rerr
	}
	return err
}

// features returns m with its feature counts, read back from the spill
// file when m does not hold them.
func (c *Clusterer) features(m member) member {
	if c.spill == nil || m.ids != nil {
		return m
	}
	return c.spill.get(m)
}

// light returns m as a cluster keeps it: without its features when they
// are in the spill file.
func (c *Clusterer) light(m member) member {
	if c.spill == nil {
		return m
	}
	return member{id: m.id, off: m.off}
}
