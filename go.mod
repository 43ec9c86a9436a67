module github.com/ittygo/itty

go 1.24

require (
	github.com/go-playground/form/v4 v4.2.1
	github.com/google/uuid v1.6.0
	github.com/gosimple/slug v1.15.0
)

require github.com/gosimple/unidecode v1.0.1 // indirect
