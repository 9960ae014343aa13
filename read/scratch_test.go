package read
import ("testing";"os")
func TestScratch(t *testing.T){
 f,_:=os.Open("testdata/page.html")
 s,err:=HTML("page.html",f,"")
 t.Logf("%q %q %q %q err=%v\n---\n%s", s.Title,s.Outlet,s.Date,s.URL, err, s.Text)
}
