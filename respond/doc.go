// Design: this file only documents the package. A response is a value that
// knows how to write itself (WriteResponse); *Response is the ready-made
// implementation, built by a constructor and adjusted with chainable
// methods. Anything that would put attacker-controlled bytes into the
// header block is refused when the response is built, and the refusal is
// reported before a single byte reaches the client.

// Package respond builds HTTP responses for itty handlers.
//
// Every response implements
//
//	WriteResponse(w http.ResponseWriter, r *http.Request) error
//
// which is the whole of itty's response interface; a custom response type
// only needs that one method. The concrete *Response covers the common
// cases:
//
//	respond.Text("hello")
//	respond.JSON(user).WithStatus(http.StatusCreated).WithCookie(&http.Cookie{Name: "sid", Value: id})
//	respond.Redirect("/login")
//	respond.LocalRedirect(r.FormValue("next"), "/")
//	respond.NoContent()
//
// Header names and values, cookies and redirect URLs are validated as they
// are added. The first invalid one (a CR, LF or NUL in a value, a name that
// is not an HTTP token, a cookie net/http considers invalid) is recorded:
// Err reports it, and WriteResponse returns it without writing anything, so
// the caller can still send an error response instead.
//
// A *Response is a builder: its methods modify and return the receiver,
// and they must not be called concurrently. Once built, a response with an
// in-memory or JSON body may be written any number of times, also
// concurrently; a Stream response can be written once.
package respond
