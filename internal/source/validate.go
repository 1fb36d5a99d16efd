package source

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unicode"

	"github.com/go-playground/validator/v10"
)

// validate is built once: validator caches struct metadata and is safe for concurrent use.
var validate = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			return "-"
		}
		if strings.Contains(opts, "inline") {
			return "" // Go name (upper case), dropped from paths below
		}
		if name == "" {
			return strings.ToLower(f.Name)
		}
		return name
	})
	return v
})

// Validate checks the validator/v10 struct tags of v and returns the errors at their fields' positions.
func (s *Source) Validate(v any) Errors {
	err := validate().Struct(v)
	if err == nil {
		return nil
	}
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return Errors{s.Errorf("", "lỗi kiểm tra: "+err.Error(), "validation error: "+err.Error())}
	}
	var out Errors
	for _, fe := range verrs {
		path := fieldPath(fe.Namespace())
		vi, en := Describe(fe.Tag(), fe.Param(), fe.Kind(), fe.Value())
		out = append(out, s.Errorf(path, vi, en))
	}
	return out
}

// fieldPath turns a validator namespace "Plan.sessions[1].quarter" into "sessions[1].quarter", dropping the
// type name and the Go names of inline structs.
func fieldPath(ns string) string {
	var parts []string
	for i, seg := range strings.Split(ns, ".") {
		if i == 0 {
			continue
		}
		if r := []rune(seg); len(r) > 0 && unicode.IsUpper(r[0]) {
			continue
		}
		parts = append(parts, seg)
	}
	return strings.Join(parts, ".")
}

// Describe returns the Vietnamese and English message for a failed validator tag with its parameter, for a
// value of the given kind.
func Describe(tag, param string, kind reflect.Kind, value any) (vi, en string) {
	isText := kind == reflect.String
	isList := kind == reflect.Slice || kind == reflect.Map || kind == reflect.Array
	unitVI, unitEN := "", ""
	switch {
	case isText:
		unitVI, unitEN = " ký tự", " characters"
	case isList:
		unitVI, unitEN = " mục", " items"
	}
	switch tag {
	case "required", "required_if", "required_unless", "required_with", "required_without":
		return "thiếu giá trị bắt buộc", "a value is required"
	case "excluded_if", "excluded_unless", "excluded_with", "excluded_without":
		return "không được có giá trị này trong trường hợp này", "this value is not allowed here"
	case "oneof":
		opts := strings.Join(strings.Fields(param), ", ")
		return fmt.Sprintf("giá trị %v không hợp lệ; chỉ được là một trong: %s", show(value), opts),
			fmt.Sprintf("invalid value %v; must be one of: %s", show(value), opts)
	case "min", "gte":
		if isText || isList {
			return fmt.Sprintf("phải có ít nhất %s%s", param, unitVI), fmt.Sprintf("must have at least %s%s", param, unitEN)
		}
		return fmt.Sprintf("phải lớn hơn hoặc bằng %s (đang là %v)", param, show(value)),
			fmt.Sprintf("must be at least %s (is %v)", param, show(value))
	case "max", "lte":
		if isText || isList {
			return fmt.Sprintf("chỉ được có tối đa %s%s", param, unitVI), fmt.Sprintf("must have at most %s%s", param, unitEN)
		}
		return fmt.Sprintf("phải nhỏ hơn hoặc bằng %s (đang là %v)", param, show(value)),
			fmt.Sprintf("must be at most %s (is %v)", param, show(value))
	case "gt":
		if isText || isList {
			return fmt.Sprintf("phải có nhiều hơn %s%s", param, unitVI), fmt.Sprintf("must have more than %s%s", param, unitEN)
		}
		return fmt.Sprintf("phải lớn hơn %s (đang là %v)", param, show(value)), fmt.Sprintf("must be greater than %s (is %v)", param, show(value))
	case "lt":
		if isText || isList {
			return fmt.Sprintf("phải có ít hơn %s%s", param, unitVI), fmt.Sprintf("must have fewer than %s%s", param, unitEN)
		}
		return fmt.Sprintf("phải nhỏ hơn %s (đang là %v)", param, show(value)), fmt.Sprintf("must be less than %s (is %v)", param, show(value))
	case "len":
		if isText || isList {
			return fmt.Sprintf("phải có đúng %s%s", param, unitVI), fmt.Sprintf("must have exactly %s%s", param, unitEN)
		}
		return fmt.Sprintf("phải bằng %s", param), fmt.Sprintf("must equal %s", param)
	case "eq":
		return fmt.Sprintf("phải bằng %s", param), fmt.Sprintf("must equal %s", param)
	case "ne":
		return fmt.Sprintf("không được bằng %s", param), fmt.Sprintf("must not equal %s", param)
	case "unique":
		if param != "" {
			return fmt.Sprintf("các mục phải có %s khác nhau", param), fmt.Sprintf("items must have distinct %s", param)
		}
		return "các mục không được trùng nhau", "items must be distinct"
	case "alphanum":
		return "chỉ được gồm chữ cái và chữ số không dấu", "must contain only ASCII letters and digits"
	case "numeric", "number":
		return "phải là một số", "must be a number"
	case "url", "http_url":
		return "phải là một địa chỉ URL", "must be a URL"
	case "email":
		return "phải là một địa chỉ thư điện tử", "must be an e-mail address"
	case "uppercase":
		return "phải viết hoa toàn bộ", "must be in capital letters"
	case "lowercase":
		return "phải viết thường toàn bộ", "must be in lower case"
	case "excludesall", "excludesrune":
		chars := charList(param)
		return "không được chứa ký tự " + chars, "must not contain the characters " + chars
	case "excludes":
		return fmt.Sprintf("không được chứa %s", quoteChars(param)), fmt.Sprintf("must not contain %s", quoteChars(param))
	case "startsnotwith":
		return fmt.Sprintf("không được bắt đầu bằng %q", param), fmt.Sprintf("must not start with %q", param)
	case "endsnotwith":
		return fmt.Sprintf("không được kết thúc bằng %q", param), fmt.Sprintf("must not end with %q", param)
	case "printascii", "ascii":
		return "chỉ được gồm ký tự ASCII", "must contain only ASCII characters"
	case "hostname_rfc1123", "hostname":
		return "phải là một tên máy hợp lệ", "must be a valid host name"
	}
	if param != "" {
		return fmt.Sprintf("không thỏa điều kiện %s=%s", tag, param), fmt.Sprintf("fails the rule %s=%s", tag, param)
	}
	return fmt.Sprintf("không thỏa điều kiện %s", tag), fmt.Sprintf("fails the rule %s", tag)
}

func show(v any) string {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.String {
		return fmt.Sprintf("%q", short(rv.String()))
	}
	return fmt.Sprint(v)
}

// charList writes the characters of a validator parameter one by one, readably: "/", "\".
func charList(param string) string {
	var parts []string
	for _, r := range param {
		parts = append(parts, quoteChars(string(r)))
	}
	return strings.Join(parts, ", ")
}

// quoteChars quotes a text for a message as it is typed, without Go escapes: "\" rather than "\\".
func quoteChars(s string) string { return `"` + s + `"` }
