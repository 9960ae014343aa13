// Package fetch gets web pages and feeds over HTTP(S) for hearsay, safely:
// with time limits, a cap on the body, a redirect limit, an allow-list of
// content types, a clear User-Agent, and a guard that refuses loopback,
// private, link-local and other non-public addresses. The guard checks the
// address actually dialled, after DNS resolution, so it holds on every
// redirect and against DNS rebinding.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// Defaults for Options.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 16 << 20
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "hearsay/1.0 (news quotation reader; +https://github.com/hearsaylab/hearsay)"
)

// Options configure a Client. Zero fields take the defaults.
type Options struct {
	AllowPrivate bool          // allow loopback, private and link-local addresses
	Timeout      time.Duration // the whole request, body included
	MaxBytes     int64         // largest body read
	MaxRedirects int           // redirects followed; negative: none
	UserAgent    string

	// refuse, when set, replaces Refused for tests.
	refuse func(netip.Addr) string
}

// Client fetches pages. It is safe for concurrent use.
type Client struct {
	hc  *http.Client
	opt Options
}

// Page is a fetched document.
type Page struct {
	URL         string // after redirects
	ContentType string // the response's Content-Type header as sent
	MediaType   string // its media type, lower case ("text/html")
	Body        []byte
}

// ErrRefused marks a request to an address the guard refuses.
var ErrRefused = errors.New("refused")

// New returns a Client with the options.
func New(opt Options) *Client {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.MaxRedirects == 0 {
		opt.MaxRedirects = DefaultMaxRedirects
	}
	if opt.UserAgent == "" {
		opt.UserAgent = DefaultUserAgent
	}
	refuse := opt.refuse
	if refuse == nil {
		refuse = Refused
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opt.AllowPrivate {
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%w: cannot check address %q", ErrRefused, address)
			}
			if why := refuse(ap.Addr()); why != "" {
				return fmt.Errorf("%w: %s is a %s address (use --allow-private to allow it)", ErrRefused, ap.Addr(), why)
			}
			return nil
		}
	}
	tr := &http.Transport{
		Proxy:                  nil, // a proxy would hide the address the guard must see
		DialContext:            dialer.DialContext,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  20 * time.Second,
		MaxIdleConns:           16,
		IdleConnTimeout:        60 * time.Second,
		MaxResponseHeaderBytes: 64 << 10,
	}
	hc := &http.Client{
		Transport: tr,
		Timeout:   opt.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if opt.MaxRedirects < 0 || len(via) > opt.MaxRedirects {
				return fmt.Errorf("more than %d redirects", max(opt.MaxRedirects, 0))
			}
			if s := req.URL.Scheme; s != "http" && s != "https" {
				return fmt.Errorf("redirect to a %q URL", s)
			}
			return nil
		},
	}
	return &Client{hc: hc, opt: opt}
}

// Refused returns why ip is not a public unicast address — "loopback",
// "private", "link-local", "unspecified", "multicast", "shared (CGNAT)",
// "reserved" — or "" when it is one. IPv4-mapped IPv6 addresses are
// judged as IPv4.
func Refused(ip netip.Addr) string {
	ip = ip.Unmap()
	switch {
	case !ip.IsValid():
		return "invalid"
	case ip.IsUnspecified():
		return "unspecified"
	case ip.IsLoopback():
		return "loopback"
	case ip.IsPrivate():
		return "private"
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast():
		return "link-local"
	case ip.IsMulticast(), ip.IsInterfaceLocalMulticast():
		return "multicast"
	}
	for _, r := range reserved {
		if r.p.Contains(ip) {
			return r.why
		}
	}
	return ""
}

var reserved = []struct {
	p   netip.Prefix
	why string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "reserved"},
	{netip.MustParsePrefix("100.64.0.0/10"), "shared (CGNAT)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "reserved"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("255.255.255.255/32"), "broadcast"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "reserved"},
	{netip.MustParsePrefix("100::/64"), "reserved"},
	{netip.MustParsePrefix("2001:db8::/32"), "documentation"},
	{netip.MustParsePrefix("fec0::/10"), "site-local"},
}

// Accepted media types: web pages, plain text and feeds.
var accepted = map[string]bool{
	"text/html": true, "application/xhtml+xml": true, "text/plain": true,
	"application/rss+xml": true, "application/atom+xml": true, "application/rdf+xml": true,
	"application/feed+json": true, "application/json": true,
	"application/xml": true, "text/xml": true,
}

// MediaType returns the lower-case media type of a Content-Type header
// value and whether hearsay reads it. An empty or unparsable header gives
// "" and true: the body is sniffed instead.
func MediaType(contentType string) (string, bool) {
	if strings.TrimSpace(contentType) == "" {
		return "", true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		// Take what comes before any parameter.
		mt, _, _ = strings.Cut(contentType, ";")
		mt = strings.ToLower(strings.TrimSpace(mt))
	}
	if !strings.Contains(mt, "/") {
		return "", true
	}
	return mt, accepted[mt]
}

// Get fetches rawURL, an http or https address.
func (c *Client) Get(ctx context.Context, rawURL string) (*Page, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("not an http or https URL: %q", rawURL)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("no host in URL %q", rawURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,text/plain;q=0.8,*/*;q=0.1")
	resp, err := c.hc.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL is named by the caller
		}
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("HTTP status %s", resp.Status)
	}
	ct := resp.Header.Get("Content-Type")
	mt, ok := MediaType(ct)
	if !ok {
		return nil, fmt.Errorf("content type %q is not a web page, text or feed", mt)
	}
	if resp.ContentLength > c.opt.MaxBytes {
		return nil, fmt.Errorf("body of %d bytes is over the limit of %d", resp.ContentLength, c.opt.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.opt.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading body: %w", err)
	}
	if int64(len(body)) > c.opt.MaxBytes {
		return nil, fmt.Errorf("body over the limit of %d bytes", c.opt.MaxBytes)
	}
	return &Page{URL: resp.Request.URL.String(), ContentType: ct, MediaType: mt, Body: body}, nil
}
