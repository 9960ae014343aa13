package link

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/hearsaylab/hearsay/article"
)

// TestWriteJSONMatchesEncoder: the streamed corpus is byte for byte what
// encoding/json writes, HTML-sensitive characters included.
func TestWriteJSONMatchesEncoder(t *testing.T) {
	docs := []article.Document{
		{Doc: "a.txt", Body: "“Nothing will be hidden,” Varga said. <script>&</script>",
			Quotes: []article.Quote{{Text: "Nothing will be hidden,", Start: 3, End: 26, Speaker: article.Str("Ilse Varga")}}},
		{Doc: "b.txt", Body: "Varga said “nothing will be hidden.”",
			Quotes: []article.Quote{{Text: "nothing will be hidden.", Start: 14, End: 37, Speaker: article.Str("Varga")}}},
	}
	for _, c := range []Corpus{Analyze(docs, Options{}), {}} {
		var want, got bytes.Buffer
		if err := json.NewEncoder(&want).Encode(c); err != nil {
			t.Fatal(err)
		}
		if err := c.WriteJSON(&got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("WriteJSON differs from encoding/json:\n got %s\nwant %s", got.String(), want.String())
		}
	}
}
