package source

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/vanban/vanban/internal/fsread"
)

// MaxSize is the largest input file accepted, in bytes.
const MaxSize = 1 << 20

// linePrefix is the position some unmarshalers put in their messages; the Error carries it already.
var linePrefix = regexp.MustCompile(`^line \d+ column \d+: `)

// maxNodes bounds the number of nodes visited while decoding, aliases expanded (against "billion laughs").
const maxNodes = 200_000

// maxDepth bounds the nesting of values (and alias chains).
const maxDepth = 100

// Pos is a position in a file, 1-based.
type Pos struct{ Line, Col int }

// Source is a decoded file: its name, its node tree and the position of every field path seen while decoding.
type Source struct {
	File     string
	Root     *yaml.Node // the document's top node (a mapping for the inputs of vanban); nil when the file was empty
	pos      map[string]Pos
	failed   map[string]bool // field paths where decoding failed (see DecodeFailed)
	warnings Errors          // see Warnings
}

// At returns the position of the value at path ("sessions[1].month"). When the path was not in the file (a
// missing key), it returns the position of its nearest parent that was; the whole file is at 1:1.
func (s *Source) At(path string) Pos {
	if s == nil {
		return Pos{}
	}
	for {
		if p, ok := s.pos[path]; ok {
			return p
		}
		if path == "" {
			return Pos{1, 1}
		}
		path = parentPath(path)
	}
}

// Has reports whether path was present in the file.
func (s *Source) Has(path string) bool {
	if s == nil {
		return false
	}
	_, ok := s.pos[path]
	return ok
}

// Errorf returns an error at the position of path, with the Vietnamese and English messages.
func (s *Source) Errorf(path, vi, en string) *Error {
	p := s.At(path)
	file := ""
	if s != nil {
		file = s.File
	}
	return &Error{File: file, Line: p.Line, Col: p.Col, Path: path, VI: vi, EN: en}
}

// DecodeFailed reports whether decoding failed at path or at one of its parents: the value there is missing or
// half-filled, so a rule about it (validator tag, cross-field check) would only add noise. A misspelt key
// counts as a failure at the key it resembles ("nmae" → "name"), so that key is not also reported missing.
func (s *Source) DecodeFailed(path string) bool {
	if s == nil {
		return false
	}
	for {
		if s.failed[path] {
			return true
		}
		if path == "" {
			return false
		}
		path = parentPath(path)
	}
}

// Filter returns the errors whose field path is not at or under a path where decoding failed (DecodeFailed);
// run the rules on what decoded, then Filter their errors, to report every mistake without noise.
func (s *Source) Filter(errs Errors) Errors {
	var out Errors
	for _, e := range errs {
		if !s.DecodeFailed(e.Path) {
			out = append(out, e)
		}
	}
	return out
}

// parentPath drops the last segment of a path: "a.b[2]" → "a.b", "a.b" → "a", "a" → "".
func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

// ReadFile reads an input file: a regular file (a directory, a FIFO, /dev/stdin or a device is refused before
// it is opened) of at most MaxSize bytes, checked before reading (internal/fsread), and returns its text as
// UTF-8 (Text: a byte order mark dropped, UTF-16 converted, CRLF made LF; a file in an old Vietnamese encoding
// refused at its first invalid byte). The text after conversion is held to MaxSize too. Its errors are Errors.
func ReadFile(path string) ([]byte, error) {
	data, err := fsread.Read(path, MaxSize)
	if err != nil {
		var fe *fsread.Error
		if errors.As(err, &fe) {
			return nil, Errors{{File: path, VI: fe.VI, EN: fe.EN, Err: err}}
		}
		return nil, Errors{{File: path, VI: "không đọc được tệp: " + err.Error(), EN: "cannot read file: " + err.Error(), Err: err}}
	}
	text, e := Text(path, data)
	if e != nil {
		return nil, Errors{e}
	}
	if len(text) > MaxSize {
		return nil, Errors{tooBig(path)}
	}
	return text, nil
}

func tooBig(file string) *Error {
	return &Error{File: file, VI: fmt.Sprintf("tệp quá lớn (tối đa %d byte)", MaxSize),
		EN: fmt.Sprintf("file too large (at most %d bytes)", MaxSize)}
}

// Load decodes data into v (a pointer to a struct) and validates what decoded: all the decoding errors, and the
// validator errors except those at or under a path where decoding failed (Filter). When the file did not
// parse at all (syntax error, empty file) only that error is returned. It returns the Source (for cross-field
// errors, which the caller filters the same way) and the errors found, nil if none: the first MaxErrors in file
// order and a line counting the others (Cap). The Source is never nil.
func Load(file string, data []byte, v any) (*Source, Errors) {
	src, errs := Decode(file, data, v)
	if src.Root == nil {
		return src, errs
	}
	return src, Cap(append(errs, src.Filter(src.Validate(v))...), MaxErrors)
}

// Decode decodes data strictly into v, which must be a non-nil pointer. The Source is never nil.
func Decode(file string, data []byte, v any) (*Source, Errors) {
	src := &Source{File: file, pos: map[string]Pos{}, failed: map[string]bool{}}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("source.Decode: v must be a non-nil pointer")
	}
	if len(data) > MaxSize {
		return src, Errors{tooBig(file)}
	}
	data, e := Text(file, data)
	if e != nil {
		return src, Errors{e}
	}
	if errs := controlChars(file, data); len(errs) > 0 {
		return src, errs
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return src, Errors{{File: file, Line: 1, Col: 1, VI: "tệp rỗng", EN: "file is empty"}}
		}
		return src, Errors{syntaxError(file, data, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return src, Errors{{File: file, Line: extra.Line, Col: extra.Column,
			VI: "tệp chỉ được chứa một tài liệu YAML", EN: "the file must hold a single YAML document"}}
	} else if !errors.Is(err, io.EOF) {
		return src, Errors{syntaxError(file, data, err)}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	src.Root = root
	d := &decoder{src: src, lines: strings.Split(string(data), "\n")}
	d.value(root, rv.Elem(), "", 0)
	return src, Cap(d.errs, MaxErrors)
}

type decoder struct {
	src   *Source
	errs  Errors
	nodes int
	lines []string // the file's lines, for the checks that look at the text (cutByComment)
}

func (d *decoder) errorf(n *yaml.Node, path, vi, en string) {
	d.src.failed[path] = true
	d.errs = append(d.errs, &Error{File: d.src.File, Line: n.Line, Col: n.Column, Path: path, VI: vi, EN: en})
}

var (
	yamlUnmarshaler = reflect.TypeFor[yaml.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// kindName names a node's kind for messages.
func kindName(n *yaml.Node) (vi, en string) {
	switch n.Kind {
	case yaml.MappingNode:
		return "một bảng khóa: giá trị", "a mapping"
	case yaml.SequenceNode:
		return "một danh sách", "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "giá trị rỗng", "an empty value"
		}
		return fmt.Sprintf("giá trị %q", short(n.Value)), fmt.Sprintf("the value %q", short(n.Value))
	}
	return "giá trị khác", "another kind of value"
}

func short(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		return string(r[:40]) + "…"
	}
	return s
}

func (d *decoder) wrongKind(n *yaml.Node, path, wantVI, wantEN string) {
	gotVI, gotEN := kindName(n)
	noteVI, noteEN := flowMapNote(n)
	d.errorf(n, path, "cần "+wantVI+", nhưng gặp "+gotVI+noteVI, "expected "+wantEN+", found "+gotEN+noteEN)
}

func (d *decoder) value(n *yaml.Node, v reflect.Value, path string, depth int) {
	d.nodes++
	if d.nodes > maxNodes || depth > maxDepth {
		if d.nodes == maxNodes+1 || depth == maxDepth+1 {
			d.errorf(n, path, "tệp quá phức tạp (quá nhiều giá trị hoặc bí danh lồng nhau)",
				"file too complex (too many values or nested aliases)")
		}
		return
	}
	if n.Kind == yaml.ScalarNode && !d.text(n, path) {
		return
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			d.errorf(n, path, "bí danh không xác định", "undefined alias")
			return
		}
		if _, ok := d.src.pos[path]; !ok {
			d.src.pos[path] = Pos{n.Line, n.Column}
		}
		d.value(n.Alias, v, path, depth+1)
		return
	}
	if _, ok := d.src.pos[path]; !ok {
		d.src.pos[path] = Pos{n.Line, n.Column}
	}
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return
		}
		d.value(n.Content[0], v, path, depth+1)
		return
	}
	isNull := n.Kind == yaml.ScalarNode && n.Tag == "!!null"

	// Types that decode themselves.
	if v.Kind() != reflect.Pointer && v.CanAddr() {
		pv := v.Addr()
		if pv.Type().Implements(yamlUnmarshaler) {
			if isNull {
				return
			}
			if n.Kind != yaml.ScalarNode {
				// The unmarshaler sees the value with its aliases resolved and its texts checked, like the
				// values this decoder walks itself.
				var ok bool
				if n, ok = d.resolve(n, path, depth); !ok {
					return
				}
			}
			if err := pv.Interface().(yaml.Unmarshaler).UnmarshalYAML(n); err != nil {
				d.custom(n, path, v.Type(), err)
				return
			}
			d.checkDate(n, path, v)
			return
		}
		if pv.Type().Implements(textUnmarshaler) && n.Kind == yaml.ScalarNode {
			if isNull {
				return
			}
			if err := pv.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.Value)); err != nil {
				d.custom(n, path, v.Type(), err)
				return
			}
			d.checkDate(n, path, v)
			return
		}
	}

	switch v.Kind() {
	case reflect.Pointer:
		if isNull {
			v.SetZero()
			return
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.value(n, v.Elem(), path, depth+1)
	case reflect.Struct:
		if isNull {
			return
		}
		if n.Kind != yaml.MappingNode {
			d.wrongKind(n, path, "một bảng khóa: giá trị", "a mapping of keys to values")
			return
		}
		d.structure(n, v, path, depth)
	case reflect.Map:
		if isNull {
			return
		}
		if n.Kind != yaml.MappingNode {
			d.wrongKind(n, path, "một bảng khóa: giá trị", "a mapping of keys to values")
			return
		}
		if v.Type().Key().Kind() != reflect.String {
			panic("source: only maps with string keys are supported")
		}
		if v.IsNil() {
			v.Set(reflect.MakeMap(v.Type()))
		}
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			key, ok := d.key(k, path, seen)
			if !ok {
				continue
			}
			ev := reflect.New(v.Type().Elem()).Elem()
			p := join(path, key)
			d.value(val, ev, p, depth+1)
			v.SetMapIndex(reflect.ValueOf(key).Convert(v.Type().Key()), ev)
		}
	case reflect.Slice:
		if isNull {
			v.SetZero()
			return
		}
		if n.Kind != yaml.SequenceNode {
			d.wrongKind(n, path, "một danh sách (mỗi mục bắt đầu bằng \"- \")", "a list (each item starting with \"- \")")
			return
		}
		d.flowList(n, path)
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.value(c, s.Index(i), fmt.Sprintf("%s[%d]", path, i), depth+1)
		}
		v.Set(s)
	case reflect.String:
		if isNull {
			return
		}
		if n.Kind != yaml.ScalarNode {
			d.wrongKind(n, path, "một chuỗi văn bản", "a text string")
			return
		}
		d.cutByComment(n, path)
		v.SetString(n.Value)
	case reflect.Bool:
		if isNull {
			return
		}
		var b bool
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || n.Decode(&b) != nil {
			d.wrongKind(n, path, "true hoặc false", "true or false")
			return
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if isNull {
			return
		}
		i, ok := decimalInt(n)
		if !ok {
			var err error
			if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
				err = errNotInt
			} else {
				err = n.Decode(&i)
			}
			if err != nil {
				d.wrongKind(n, path, "một số nguyên", "an integer")
				return
			}
		}
		if v.OverflowInt(i) {
			d.errorf(n, path, "số quá lớn", "number out of range")
			return
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if isNull {
			return
		}
		var i uint64
		if x, ok := decimalInt(n); ok && x >= 0 {
			i = uint64(x)
		} else if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || n.Decode(&i) != nil {
			d.wrongKind(n, path, "một số nguyên không âm", "a non-negative integer")
			return
		}
		if v.OverflowUint(i) {
			d.errorf(n, path, "số quá lớn", "number out of range")
			return
		}
		v.SetUint(i)
	case reflect.Float32, reflect.Float64:
		if isNull {
			return
		}
		var f float64
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") || n.Decode(&f) != nil {
			d.wrongKind(n, path, "một số", "a number")
			return
		}
		v.SetFloat(f)
	case reflect.Interface:
		var x any
		if n.Kind != yaml.ScalarNode {
			var ok bool
			if n, ok = d.resolve(n, path, depth); !ok {
				return
			}
		}
		if err := n.Decode(&x); err != nil {
			d.custom(n, path, v.Type(), err)
			return
		}
		if x != nil {
			v.Set(reflect.ValueOf(x))
		}
	default:
		panic("source: unsupported field type " + v.Type().String())
	}
}

// custom reports the error of a type that decodes itself.
func (d *decoder) custom(n *yaml.Node, path string, t reflect.Type, err error) {
	var m *Message
	if errors.As(err, &m) {
		d.errorf(n, path, m.VI, m.EN)
		return
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = linePrefix.ReplaceAllString(msg, "")
	if t.Name() == "Date" {
		d.errorf(n, path, fmt.Sprintf("ngày không hợp lệ %q, cần dạng NĂM-THÁNG-NGÀY hoặc NGÀY/THÁNG/NĂM có thật, ví dụ 2023-02-15 hoặc 15/02/2023", short(n.Value)),
			fmt.Sprintf("invalid date %q, expected a real date YYYY-MM-DD or DD/MM/YYYY, e.g. 2023-02-15 or 15/02/2023", short(n.Value)))
		return
	}
	d.errorf(n, path, "giá trị không hợp lệ: "+msg, "invalid value: "+msg)
}

// key checks one mapping key: a plain scalar, not a merge key, not seen before.
func (d *decoder) key(k *yaml.Node, path string, seen map[string]*yaml.Node) (string, bool) {
	if k.Kind == yaml.AliasNode && k.Alias != nil {
		k = k.Alias
	}
	if k.Kind != yaml.ScalarNode {
		d.errorf(k, path, "khóa phải là một chuỗi đơn", "a key must be a plain string")
		return "", false
	}
	if !d.text(k, path) {
		return "", false
	}
	if k.Tag == "!!merge" {
		d.errorf(k, path, "không hỗ trợ khóa gộp \"<<\"; hãy viết đầy đủ các khóa",
			"merge keys \"<<\" are not supported; write the keys out")
		return "", false
	}
	if prev, ok := seen[k.Value]; ok {
		d.errorf(k, join(path, k.Value), fmt.Sprintf("khóa %q bị lặp (đã có ở dòng %d)", k.Value, prev.Line),
			fmt.Sprintf("duplicate key %q (already at line %d)", k.Value, prev.Line))
		return "", false
	}
	seen[k.Value] = k
	return k.Value, true
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// field is one yaml-visible field of a struct, with the index path through inline (embedded) structs.
type field struct {
	name  string
	index []int
}

// Fields returns the yaml names of a struct type's fields, in declaration order (inline structs flattened).
// Fields without a yaml tag use their lower-cased Go name; `yaml:"-"` fields are skipped.
func Fields(t reflect.Type) []string {
	var names []string
	for _, f := range fields(t) {
		names = append(names, f.name)
	}
	return names
}

func fields(t reflect.Type) []field {
	var out []field
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if name == "-" {
			continue
		}
		if strings.Contains(opts, "inline") {
			ft := sf.Type
			if ft.Kind() == reflect.Pointer {
				panic("source: inline pointer fields are not supported")
			}
			for _, f := range fields(ft) {
				out = append(out, field{f.name, append([]int{i}, f.index...)})
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(sf.Name)
		}
		out = append(out, field{name, []int{i}})
	}
	return out
}

// structInfo is the fields of a struct type, by yaml name too: computed once per type (read-only after).
type structInfo struct {
	fs     []field
	byName map[string]field
}

var structInfos sync.Map // reflect.Type -> *structInfo

func structOf(t reflect.Type) *structInfo {
	if si, ok := structInfos.Load(t); ok {
		return si.(*structInfo)
	}
	si := &structInfo{fs: fields(t)}
	si.byName = make(map[string]field, len(si.fs))
	for _, f := range si.fs {
		si.byName[f.name] = f
	}
	v, _ := structInfos.LoadOrStore(t, si)
	return v.(*structInfo)
}

func (d *decoder) structure(n *yaml.Node, v reflect.Value, path string, depth int) {
	si := structOf(v.Type())
	fs, byName := si.fs, si.byName
	if noteVI, noteEN := flowMapNote(n); noteVI != "" {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if _, ok := byName[n.Content[i].Value]; !ok && n.Content[i+1].Tag == "!!null" {
				// "{Chủ tịch, Nguyễn Văn A}": not unknown keys, a text or a list written with braces.
				d.errorf(n, path, "giá trị viết trong { … } không đọc được"+noteVI, "the value written in { … } cannot be read"+noteEN)
				return
			}
		}
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		key, ok := d.key(k, path, seen)
		if !ok {
			continue
		}
		f, ok := byName[key]
		if !ok {
			d.unknown(k, path, key, fs)
			continue
		}
		p := join(path, key)
		d.src.pos[p] = Pos{val.Line, val.Column}
		d.value(val, v.FieldByIndex(f.index), p, depth+1)
	}
}

func (d *decoder) unknown(k *yaml.Node, path, key string, fs []field) {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	hint := ""
	if s := closest(key, names); s != "" {
		hint = s
	}
	sorted := sortedList(names)
	if hint != "" {
		d.src.failed[join(path, hint)] = true
		d.errorf(k, join(path, key), fmt.Sprintf("khóa không hợp lệ %q; có phải ý bạn là %q?", key, hint),
			fmt.Sprintf("unknown key %q; did you mean %q?", key, hint))
		return
	}
	d.errorf(k, join(path, key), fmt.Sprintf("khóa không hợp lệ %q; các khóa được dùng: %s", key, sorted),
		fmt.Sprintf("unknown key %q; allowed keys: %s", key, sorted))
}

func sortedList(names []string) string {
	s := append([]string(nil), names...)
	sort.Strings(s)
	return strings.Join(s, ", ")
}

// closest returns the name within edit distance 2 of key (the nearest), or "".
func closest(key string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if dd := distance(strings.ToLower(key), n); dd < bestD {
			best, bestD = n, dd
		}
	}
	return best
}

func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 99
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
