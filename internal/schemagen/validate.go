package schemagen

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Validate checks a YAML document against a JSON Schema of the subset this package generates ($ref to $defs,
// type, const, enum, pattern, minLength, maxLength, minimum, maximum, minItems, maxItems, items, required,
// properties, additionalProperties: false, oneOf, anyOf; the annotations are ignored). It returns one line per
// problem, "path: what", nil when the document is valid; a keyword outside the subset is a problem too, so
// that a schema this validator does not understand fails rather than passes. YAML scalars are typed as yaml.v3
// resolves them, except that a date stays the text it is.
func Validate(schema, doc []byte) ([]string, error) {
	var root map[string]any
	if err := json.Unmarshal(schema, &root); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	var n yaml.Node
	if err := yaml.Unmarshal(doc, &n); err != nil {
		return nil, fmt.Errorf("document: %w", err)
	}
	var v any
	if len(n.Content) > 0 {
		var err error
		if v, err = value(n.Content[0], 0); err != nil {
			return nil, err
		}
	}
	c := &checker{root: root}
	c.check(root, v, "")
	return c.problems, nil
}

// value turns a yaml.v3 node into the JSON data model.
func value(n *yaml.Node, depth int) (any, error) {
	if depth > 100 {
		return nil, fmt.Errorf("document: nested too deeply")
	}
	switch n.Kind {
	case yaml.AliasNode:
		return value(n.Alias, depth+1)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := value(n.Content[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := value(c, depth+1)
			if err != nil {
				return nil, err
			}
			s = append(s, v)
		}
		return s, nil
	}
	switch n.Tag {
	case "!!null":
		return nil, nil
	case "!!bool":
		var b bool
		return b, n.Decode(&b)
	case "!!int":
		if i, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
			return float64(i), nil
		}
		var i int64
		if err := n.Decode(&i); err != nil {
			return n.Value, nil // 08: a float to YAML 1.1 rules, a number to the decoder; keep the text
		}
		return float64(i), nil
	case "!!float":
		var f float64
		if err := n.Decode(&f); err != nil {
			return n.Value, nil
		}
		return f, nil
	}
	return n.Value, nil
}

type checker struct {
	root     map[string]any
	problems []string
}

func (c *checker) fail(path, format string, args ...any) {
	if path == "" {
		path = "(root)"
	}
	c.problems = append(c.problems, path+": "+fmt.Sprintf(format, args...))
}

// ignored are the annotations and the keywords handled with another.
var ignored = []string{"$schema", "$id", "title", "description", "$defs", "format"}

func typeOf(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		if x == math.Trunc(x) {
			return "integer"
		}
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

func (c *checker) check(s map[string]any, v any, path string) {
	for k, x := range s {
		if slices.Contains(ignored, k) {
			continue
		}
		switch k {
		case "$ref":
			ref, _ := x.(string)
			name, ok := strings.CutPrefix(ref, "#/$defs/")
			defs, _ := c.root["$defs"].(map[string]any)
			def, ok2 := defs[name].(map[string]any)
			if !ok || !ok2 {
				c.fail(path, "unresolved $ref %q", ref)
				continue
			}
			c.check(def, v, path)
		case "type":
			var types []string
			switch t := x.(type) {
			case string:
				types = []string{t}
			case []any:
				for _, e := range t {
					types = append(types, e.(string))
				}
			}
			got := typeOf(v)
			if !slices.Contains(types, got) && !(got == "integer" && slices.Contains(types, "number")) {
				c.fail(path, "is %s, want %s", got, strings.Join(types, " or "))
			}
		case "const":
			if v != x {
				c.fail(path, "is %v, want %v", v, x)
			}
		case "enum":
			if !slices.Contains(x.([]any), v) {
				c.fail(path, "%v is not one of %v", v, x)
			}
		case "pattern":
			if str, ok := v.(string); ok {
				re, err := regexp.Compile(x.(string))
				if err != nil {
					c.fail(path, "bad pattern %q: %v", x, err)
				} else if !re.MatchString(str) {
					c.fail(path, "%q does not match %s", str, x)
				}
			}
		case "minLength", "maxLength":
			if str, ok := v.(string); ok {
				n, lim := utf8.RuneCountInString(str), int(x.(float64))
				if k == "minLength" && n < lim || k == "maxLength" && n > lim {
					c.fail(path, "length %d, %s %d", n, k, lim)
				}
			}
		case "minimum", "maximum":
			if f, ok := v.(float64); ok {
				lim := x.(float64)
				if k == "minimum" && f < lim || k == "maximum" && f > lim {
					c.fail(path, "%v is outside the %s %v", f, k, lim)
				}
			}
		case "minItems", "maxItems":
			if a, ok := v.([]any); ok {
				lim := int(x.(float64))
				if k == "minItems" && len(a) < lim || k == "maxItems" && len(a) > lim {
					c.fail(path, "%d items, %s %d", len(a), k, lim)
				}
			}
		case "items":
			if a, ok := v.([]any); ok {
				for i, e := range a {
					c.check(x.(map[string]any), e, fmt.Sprintf("%s[%d]", path, i))
				}
			}
		case "required":
			if m, ok := v.(map[string]any); ok {
				for _, r := range x.([]any) {
					if _, ok := m[r.(string)]; !ok {
						c.fail(path, "missing required key %q", r)
					}
				}
			}
		case "properties":
			if m, ok := v.(map[string]any); ok {
				props := x.(map[string]any)
				for key, e := range m {
					if p, ok := props[key].(map[string]any); ok {
						c.check(p, e, join(path, key))
					}
				}
			}
		case "additionalProperties":
			if m, ok := v.(map[string]any); ok && x == false {
				props, _ := s["properties"].(map[string]any)
				for key := range m {
					if _, ok := props[key]; !ok {
						c.fail(join(path, key), "key not allowed")
					}
				}
			}
		case "oneOf", "anyOf":
			n := 0
			var first []string
			for _, alt := range x.([]any) {
				sub := &checker{root: c.root}
				sub.check(alt.(map[string]any), v, path)
				if len(sub.problems) == 0 {
					n++
				} else if first == nil {
					first = sub.problems
				}
			}
			if n == 0 || k == "oneOf" && n > 1 {
				c.fail(path, "%s: %d alternatives match (first mismatch: %s)", k, n, strings.Join(first, "; "))
			}
		default:
			c.fail(path, "schema keyword %q is not supported by this validator", k)
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
