package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"sort"
	"strings"

	"staffdesk/backend/apperr"
)

// callTable maps "app.Struct.Method" to bound methods, as Wails names them, for the browser mode.
type callTable struct {
	methods map[string]reflect.Value
}

var errorType = reflect.TypeFor[error]()

func newCallTable(bound []any) (*callTable, error) {
	t := &callTable{methods: map[string]reflect.Value{}}
	for _, b := range bound {
		v := reflect.ValueOf(b)
		typ := v.Type()
		prefix := "app." + typ.Elem().Name() + "."
		for i := 0; i < typ.NumMethod(); i++ {
			m := typ.Method(i)
			mt := m.Type
			if mt.NumOut() != 2 || mt.Out(1) != errorType {
				return nil, fmt.Errorf("bound method %s%s must return (T, error)", prefix, m.Name)
			}
			t.methods[prefix+m.Name] = v.Method(i)
		}
	}
	return t, nil
}

type callRequest struct {
	Name string            `json:"name"`
	Args []json.RawMessage `json:"args"`
}

type callResponse struct {
	Result any    `json:"result,omitempty"`
	Error  string `json:"error,omitempty"`
	Code   string `json:"code,omitempty"`
}

func (t *callTable) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	var req callRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<20)).Decode(&req); err != nil {
		writeJSON(w, http.StatusBadRequest, callResponse{Error: "the request is not valid JSON", Code: string(apperr.Invalid)})
		return
	}
	result, err := t.call(req)
	if err != nil {
		code := apperr.CodeOf(err)
		var e *apperr.Error
		msg := err.Error()
		if errors.As(err, &e) {
			msg = e.Message
		}
		writeJSON(w, statusOf(code), callResponse{Error: msg, Code: string(code)})
		return
	}
	writeJSON(w, http.StatusOK, callResponse{Result: result})
}

func (t *callTable) call(req callRequest) (any, error) {
	m, ok := t.methods[req.Name]
	if !ok {
		return nil, apperr.New(apperr.NotFound, "no method %s", req.Name)
	}
	mt := m.Type()
	if len(req.Args) != mt.NumIn() {
		return nil, apperr.New(apperr.Invalid, "%s takes %d arguments, not %d", req.Name, mt.NumIn(), len(req.Args))
	}
	in := make([]reflect.Value, mt.NumIn())
	for i := range in {
		p := reflect.New(mt.In(i))
		if err := json.Unmarshal(req.Args[i], p.Interface()); err != nil {
			return nil, apperr.New(apperr.Invalid, "%s: argument %d is not a %s", req.Name, i+1, mt.In(i))
		}
		in[i] = p.Elem()
	}
	out := m.Call(in)
	if err, _ := out[1].Interface().(error); err != nil {
		return nil, err
	}
	return out[0].Interface(), nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// shim returns the script that defines window.go and window.runtime as the Wails runtime would.
func (t *callTable) shim() string {
	names := make([]string, 0, len(t.methods))
	for n := range t.methods {
		names = append(names, n)
	}
	sort.Strings(names)
	list, _ := json.Marshal(names)
	return strings.Replace(shimJS, "__METHODS__", string(list), 1)
}

const shimJS = `(function () {
  const call = async (name, args) => {
    const r = await fetch('/api/call', {method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json'}, body: JSON.stringify({name, args})});
    let body;
    try { body = await r.json(); } catch (e) { throw 'HTTP ' + r.status + ' from Staffdesk'; }
    if (!r.ok || body.error) throw body.error || ('HTTP ' + r.status);
    return body.result;
  };
  const go = {};
  for (const name of __METHODS__) {
    const [pkg, struct, method] = name.split('.');
    go[pkg] = go[pkg] || {};
    go[pkg][struct] = go[pkg][struct] || {};
    go[pkg][struct][method] = (...args) => call(name, args);
  }
  window.go = go;
  const listeners = {};
  const off = (name) => { delete listeners[name]; };
  const on = (name, cb, max) => {
    const l = {cb, left: max > 0 ? max : -1};
    (listeners[name] = listeners[name] || []).push(l);
    return () => { listeners[name] = (listeners[name] || []).filter((x) => x !== l); };
  };
  const dispatch = (name, data) => {
    for (const l of (listeners[name] || []).slice()) {
      l.cb(...data);
      if (l.left > 0 && --l.left === 0) listeners[name] = listeners[name].filter((x) => x !== l);
    }
  };
  const es = new EventSource('/api/events');
  es.onmessage = (m) => { const ev = JSON.parse(m.data); dispatch(ev.name, [ev.data]); };
  const noop = () => {};
  window.runtime = {
    EventsOnMultiple: on, EventsOff: (name, ...more) => { off(name); more.forEach(off); },
    EventsOffAll: () => { for (const k in listeners) delete listeners[k]; },
    EventsEmit: (name, ...data) => dispatch(name, data),
    LogPrint: noop, LogTrace: noop, LogDebug: noop, LogInfo: noop, LogWarning: noop, LogError: noop, LogFatal: noop,
    WindowSetTitle: (t) => { document.title = t; }, WindowReload: () => location.reload(), WindowReloadApp: () => location.reload(),
    WindowSetLightTheme: noop, WindowSetDarkTheme: noop, WindowSetSystemDefaultTheme: noop, WindowFullscreen: noop,
    WindowUnfullscreen: noop, WindowCenter: noop, WindowMaximise: noop, WindowUnmaximise: noop, WindowMinimise: noop,
    WindowShow: noop, WindowHide: noop, BrowserOpenURL: (u) => window.open(u, '_blank', 'noopener'), Quit: noop, Hide: noop, Show: noop,
    Environment: async () => ({buildType: 'production', platform: 'browser', arch: ''}),
    ClipboardGetText: () => navigator.clipboard.readText(), ClipboardSetText: (t) => navigator.clipboard.writeText(t).then(() => true),
  };
})();
`
