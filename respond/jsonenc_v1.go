//go:build !goexperiment.jsonv2

// Design: the classic encoding/json, whose output the compiled encoder
// reproduces byte for byte; see jsonenc_v2.go for the other build.

package respond

// compiledJSON reports whether the compiled encoder is used at all.
const compiledJSON = true
