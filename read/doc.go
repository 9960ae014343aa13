// Package read turns outside input into article.Source values.
package read

import (
	_ "github.com/markusmobius/go-trafilatura"
	_ "golang.org/x/net/html"
	_ "golang.org/x/text/encoding/charmap"
)
