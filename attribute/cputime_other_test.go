//go:build !unix

package attribute_test

// cpuTime returns -1: the process's CPU time is not known here.
func cpuTime() int64 { return -1 }
