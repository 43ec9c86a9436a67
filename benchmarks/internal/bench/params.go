package bench

// Parameter structs of the 5- and 20-parameter routes. huma and itty both
// read path parameters from fields tagged path:"name", so they share these.

import "github.com/ittygo/itty/benchmarks/internal/sink"

type fiveParams struct {
	A string `path:"a"`
	B string `path:"b"`
	C string `path:"c"`
	D string `path:"d"`
	E string `path:"e"`
}

func (p *fiveParams) read() {
	sink.Add(p.A)
	sink.Add(p.B)
	sink.Add(p.C)
	sink.Add(p.D)
	sink.Add(p.E)
}

type twentyParams struct {
	A string `path:"a"`
	B string `path:"b"`
	C string `path:"c"`
	D string `path:"d"`
	E string `path:"e"`
	F string `path:"f"`
	G string `path:"g"`
	H string `path:"h"`
	I string `path:"i"`
	J string `path:"j"`
	K string `path:"k"`
	L string `path:"l"`
	M string `path:"m"`
	N string `path:"n"`
	O string `path:"o"`
	P string `path:"p"`
	Q string `path:"q"`
	R string `path:"r"`
	S string `path:"s"`
	T string `path:"t"`
}

func (p *twentyParams) read() {
	for _, v := range [...]string{p.A, p.B, p.C, p.D, p.E, p.F, p.G, p.H, p.I, p.J,
		p.K, p.L, p.M, p.N, p.O, p.P, p.Q, p.R, p.S, p.T} {
		sink.Add(v)
	}
}
