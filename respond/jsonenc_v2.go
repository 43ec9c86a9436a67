//go:build goexperiment.jsonv2

// Design: with GOEXPERIMENT=jsonv2, encoding/json is a layer over
// encoding/json/v2 and the compiled encoder, which mirrors the classic
// implementation, is switched off: correctness over speed.

package respond

// compiledJSON reports whether the compiled encoder is used at all.
const compiledJSON = false
