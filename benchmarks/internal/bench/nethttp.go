package bench

// The body handling shared by the plain net/http apps (the baseline,
// ServeMux, httprouter and chi): these have no binding of their own, so
// their handlers decode and validate by hand, as users of them write.

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"unicode/utf8"
)

// itemBody is the JSON body of the typed endpoint.
type itemBody struct {
	Title string `json:"title"`
	Count int    `json:"count"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// serveItem answers the typed endpoint for the item id in idText, checking
// the body's rules by hand when validate is set.
func serveItem(w http.ResponseWriter, r *http.Request, idText string, validate bool) {
	id, err := strconv.Atoi(idText)
	if err != nil {
		http.Error(w, "id must be an integer", http.StatusBadRequest)
		return
	}
	verbose, _ := strconv.ParseBool(r.URL.Query().Get("verbose"))
	var body itemBody
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "invalid JSON body", http.StatusBadRequest)
		return
	}
	if validate {
		if utf8.RuneCountInString(body.Title) < 1 {
			http.Error(w, "title must be at least 1 character long", http.StatusUnprocessableEntity)
			return
		}
		if body.Count < 0 {
			http.Error(w, "count must be at least 0", http.StatusUnprocessableEntity)
			return
		}
	}
	writeJSON(w, http.StatusOK, ItemReply{ID: id, Title: body.Title, Count: body.Count, Verbose: verbose})
}

// serveForm answers the urlencoded form post.
func serveForm(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "invalid form", http.StatusBadRequest)
		return
	}
	age, err := strconv.Atoi(r.PostForm.Get("age"))
	if err != nil {
		http.Error(w, "age must be an integer", http.StatusUnprocessableEntity)
		return
	}
	writeJSON(w, http.StatusOK, FormReply{Name: r.PostForm.Get("name"), Email: r.PostForm.Get("email"), Age: age})
}

// serveUpload answers the multipart upload.
func serveUpload(w http.ResponseWriter, r *http.Request) {
	f, fh, err := r.FormFile("file")
	if err != nil {
		http.Error(w, "missing file", http.StatusBadRequest)
		return
	}
	defer f.Close()
	n, err := io.Copy(io.Discard, f)
	if err != nil {
		http.Error(w, "reading the file failed", http.StatusBadRequest)
		return
	}
	writeJSON(w, http.StatusOK, UploadReply{Name: r.FormValue("name"), Filename: fh.Filename, Size: n})
}
