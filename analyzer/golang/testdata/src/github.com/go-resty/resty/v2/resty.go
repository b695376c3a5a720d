// Package resty is a stub of github.com/go-resty/resty/v2 for the tests:
// only the API shapes migaudit reads.
package resty

// Client is a resty client.
type Client struct{ base string }

// New returns a client.
func New() *Client { return &Client{} }

// SetBaseURL sets the URL relative requests start from.
func (c *Client) SetBaseURL(u string) *Client { c.base = u; return c }

// R starts a request.
func (c *Client) R() *Request { return &Request{} }

// Request is a request being built.
type Request struct{}

// Response is a response.
type Response struct{}

func (r *Request) SetBody(body any) *Request                        { return r }
func (r *Request) SetQueryParam(name, value string) *Request        { return r }
func (r *Request) SetQueryParams(params map[string]string) *Request { return r }
func (r *Request) SetFormData(data map[string]string) *Request      { return r }
func (r *Request) SetResult(res any) *Request                       { return r }
func (r *Request) SetHeader(name, value string) *Request            { return r }
func (r *Request) SetAuthToken(token string) *Request               { return r }
func (r *Request) Get(url string) (*Response, error)                { return &Response{}, nil }
func (r *Request) Put(url string) (*Response, error)                { return &Response{}, nil }
func (r *Request) Patch(url string) (*Response, error)              { return &Response{}, nil }
func (r *Request) Post(url string) (*Response, error)               { return &Response{}, nil }
func (r *Request) Delete(url string) (*Response, error)             { return &Response{}, nil }
func (r *Request) Execute(method, url string) (*Response, error)    { return &Response{}, nil }
