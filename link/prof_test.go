package link
import ("testing";"time";"github.com/hearsaylab/hearsay/link/align";"github.com/hearsaylab/hearsay/link/conflict")
func TestProf(t *testing.T){
 docs:=synthetic(30000,1)
 lex:=align.MustLexicon(); al:=align.New(lex,align.Options{})
 s:=time.Now(); q:=al.Quotes(docs); t.Log("quotes",len(q),time.Since(s))
 s=time.Now(); c:=al.Claims(docs); t.Log("claims",len(c),time.Since(s))
 s=time.Now(); n:=conflict.Find(docs,conflict.Options{}); t.Log("conf",len(n),time.Since(s))
}
