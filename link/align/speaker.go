package align

import "strings"

// speaker is an attribution reduced to what identifies it across documents.
type speaker struct {
	name    string   // as given
	norm    string   // normalised name
	anon    bool     // an unnamed source described in words
	words   []string // identifying words: a person's names without titles, a description's content words
	surname string
}

// Compatibility of two attributions.
const (
	speakerClash  = 0 // two different named speakers
	speakerWeak   = 1 // one side unknown, or two descriptions that may be one source
	speakerStrong = 2 // the same speaker
)

func newSpeaker(name *string, anonymous bool) speaker {
	if name == nil || strings.TrimSpace(*name) == "" {
		return speaker{}
	}
	s := speaker{name: strings.TrimSpace(*name), anon: anonymous}
	s.norm = normText(s.name)
	lower := strings.ToLower(s.name)
	for _, art := range []string{"a ", "an ", "another ", "the anonymous ", "an anonymous ", "two ", "several "} {
		if strings.HasPrefix(lower, art) && art != "the " {
			s.anon = true
		}
	}
	for _, w := range strings.Fields(s.norm) {
		if isTitleWord(w) || (s.anon && isDescStop(w)) {
			continue
		}
		s.words = append(s.words, w)
	}
	if !s.anon && len(s.words) > 0 {
		s.surname = s.words[len(s.words)-1]
	}
	return s
}

// compat grades whether two attributions can name one speaker.
func compat(a, b speaker) int {
	switch {
	case a.name == "" || b.name == "":
		return speakerWeak
	case a.anon && b.anon:
		if jaccardStr(a.words, b.words) >= 0.5 {
			return speakerStrong
		}
		return speakerWeak
	case a.anon != b.anon:
		return speakerWeak
	}
	if a.norm == b.norm {
		return speakerStrong
	}
	if a.surname == "" || a.surname != b.surname {
		return speakerClash
	}
	// Same surname: first names, where both are given, must agree (an
	// initial agrees with any name starting with it).
	if len(a.words) > 1 && len(b.words) > 1 {
		fa, fb := a.words[0], b.words[0]
		if fa != fb && !(len(fa) == 1 && strings.HasPrefix(fb, fa)) && !(len(fb) == 1 && strings.HasPrefix(fa, fb)) {
			return speakerClash
		}
	}
	return speakerStrong
}

func jaccardStr(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	sa := map[string]bool{}
	for _, w := range a {
		sa[w] = true
	}
	inter, union := 0, len(sa)
	seen := map[string]bool{}
	for _, w := range b {
		if seen[w] {
			continue
		}
		seen[w] = true
		if sa[w] {
			inter++
		} else {
			union++
		}
	}
	return float64(inter) / float64(union)
}

// isTitleWord reports words dropped from a named speaker before comparing
// surnames.
func isTitleWord(w string) bool {
	switch w {
	case "president", "prime", "minister", "chancellor", "general", "gen", "secretary", "senator",
		"sen", "rep", "representative", "spokesman", "spokeswoman", "spokesperson", "mr", "mrs", "ms",
		"dr", "former", "the", "press", "sir", "lord", "dame", "jr", "sr":
		return true
	}
	return false
}

// isDescStop reports the function words of an anonymous source's description.
func isDescStop(w string) bool {
	switch w {
	case "a", "an", "the", "of", "in", "on", "for", "and", "to", "from", "with", "at", "by",
		"another", "anonymous", "who", "whose", "was", "were":
		return true
	}
	return false
}
