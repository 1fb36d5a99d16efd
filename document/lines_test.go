package document

import (
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/calendar"
)

func TestRulesFor(t *testing.T) {
	tests := []struct {
		sys  System
		date string
		want string
	}{
		{Party, "2023-03-05", "party-hd36"},
		{Party, "2025-12-31", "party-hd36"},
		{Party, "2026-01-09", "party-hd36"}, // 399-QĐ/TW alone does not switch; HD 05 does
		{Party, "2026-05-26", "party-hd36"},
		{Party, "2026-05-27", "party-2026"},
		{Party, "2026-11-27", "party-2026"},
		{Party, "2010-01-01", "party-hd36"}, // before every rule set: the earliest
		{State, "2019-01-01", "state-nd30"},
		{State, "2023-03-05", "state-nd30"},
		{State, "2027-01-01", "state-nd30"},
	}
	for _, tt := range tests {
		rs := RulesFor(tt.sys, calendar.MustParseDate(tt.date))
		if rs == nil || rs.ID != tt.want {
			t.Errorf("RulesFor(%s, %s) = %v, want %s", tt.sys, tt.date, rs, tt.want)
		}
	}
	if rs := RulesFor(Party, calendar.Date{}); rs.ID != "party-2026" {
		t.Errorf("zero date: %s, want the latest", rs.ID)
	}
	if rs := RulesFor("other", calendar.MustParseDate("2023-01-01")); rs != nil {
		t.Errorf("unknown system: %v", rs.ID)
	}
}

func TestRulesWithValidFrom(t *testing.T) {
	r, err := DefaultRules().WithValidFrom("party-2026", calendar.MustParseDate("2026-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.For(Party, calendar.MustParseDate("2026-06-15")).ID; got != "party-hd36" {
		t.Errorf("moved switch: 2026-06-15 → %s", got)
	}
	if got := r.For(Party, calendar.MustParseDate("2026-07-01")).ID; got != "party-2026" {
		t.Errorf("moved switch: 2026-07-01 → %s", got)
	}
	// the default is untouched
	if got := RulesFor(Party, calendar.MustParseDate("2026-06-15")).ID; got != "party-2026" {
		t.Errorf("default changed: %s", got)
	}
	if _, err := DefaultRules().WithValidFrom("nope", calendar.Date{}); err == nil {
		t.Error("unknown id: no error")
	}
	// rendering with the moved switch picks the HD 36 layout
	d := seedDoc(t)
	d.Date = calendar.MustParseDate("2026-06-15")
	b, err := Render(d, WithRules(r))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(docXML(t, b)), "Đức Phổ, ngày 15 tháng 6 năm 2026") {
		t.Error("date line missing")
	}
}

func TestParseRulesErrors(t *testing.T) {
	for _, bad := range []string{
		"rule_sets: [{id: x, system: nope, valid_from: 2020-01-01, layout: l, types: t}]\ntypes: {t: {}}",
		"rule_sets: [{id: x, system: party, valid_from: bad, layout: l, types: t}]\ntypes: {t: {}}",
		"rule_sets: [{id: x, system: party, valid_from: 2020-01-01, layout: l, types: missing}]",
		"rule_sets: [{id: x, system: party, valid_from: 2020-01-01, layout: l, types: t, unknown: 1}]\ntypes: {t: {}}",
	} {
		if _, err := ParseRules([]byte(bad)); err == nil {
			t.Errorf("ParseRules(%q): no error", bad)
		}
	}
}

func TestTypeCode(t *testing.T) {
	tests := []struct {
		sys    System
		name   string
		code   string
		wantOK bool
	}{
		{State, "Kế hoạch", "KH", true},
		{State, "kế hoạch", "KH", true},
		{State, "Quy định", "QyĐ", true},
		{State, "Công văn", "", true},
		{State, "Giấy mời", "GM", true},
		{State, "Thông báo", "TB", true},
		{State, "Tờ trình", "TTr", true},
		{State, "Thông tri", "", false},
		{Party, "Kế hoạch", "KH", true},
		{Party, "Quy định", "QĐi", true},
		{Party, "Quyết định", "QĐ", true},
		{Party, "Công văn", "CV", true},
		{Party, "Thông tri", "TT", true},
		{Party, "Báo cáo", "BC", true},
		{Party, "Phiếu gửi", "", false},
		{"other", "Kế hoạch", "", false},
		// NFD input is normalised
		{State, "Ke\u0302\u0301 hoa\u0323ch", "KH", true},
	}
	for _, tt := range tests {
		code, ok := TypeCode(tt.sys, tt.name)
		if code != tt.code || ok != tt.wantOK {
			t.Errorf("TypeCode(%s, %q) = %q, %v; want %q, %v", tt.sys, tt.name, code, ok, tt.code, tt.wantOK)
		}
	}
}

func TestNumberLine(t *testing.T) {
	party := calendar.MustParseDate("2023-03-05")
	state := calendar.MustParseDate("2024-02-09")
	p2026 := calendar.MustParseDate("2026-09-01")
	tests := []struct {
		name string
		d    Document
		want string
	}{
		{"party", Document{System: Party, Date: party, Type: "Kế hoạch", IssuerCode: "TU", Number: 45}, "Số 45-KH/TU"},
		{"party zero", Document{System: Party, Date: party, Type: "Kế hoạch", IssuerCode: "TU", Number: 5}, "Số 05-KH/TU"},
		{"party 2026", Document{System: Party, Date: p2026, Type: "Thông báo", IssuerCode: "ĐU", Number: 3}, "Số 03-TB/ĐU"},
		{"party quy định", Document{System: Party, Date: party, Type: "Quy định", IssuerCode: "TU", Number: 12}, "Số 12-QĐi/TU"},
		{"party công văn", Document{System: Party, Date: party, Type: "Công văn", IssuerCode: "TU", Number: 120}, "Số 120-CV/TU"},
		{"party draft", Document{System: Party, Date: party, Type: "Kế hoạch", IssuerCode: "TU"}, "Số      -KH/TU"},
		{"state", Document{System: State, Date: state, Type: "Kế hoạch", IssuerCode: "UBND", Number: 12}, "Số: 12/KH-UBND"},
		{"state zero", Document{System: State, Date: state, Type: "Giấy mời", IssuerCode: "UBND", Number: 7}, "Số: 07/GM-UBND"},
		{"state công văn", Document{System: State, Date: state, Type: "Công văn", IssuerCode: "UBND-VP", Number: 123}, "Số: 123/UBND-VP"},
		{"state draft", Document{System: State, Date: state, Type: "Kế hoạch", IssuerCode: "UBND"}, "Số:       /KH-UBND"},
		{"symbol override", Document{System: State, Date: state, Type: "Kế hoạch", Symbol: "KH-UBND-VHXH", Number: 10}, "Số: 10/KH-UBND-VHXH"},
	}
	for _, tt := range tests {
		if got := tt.d.NumberLine(); got != tt.want {
			t.Errorf("%s: NumberLine() = %q, want %q", tt.name, got, tt.want)
		}
		// The citation form is the line without its prefix: "45-KH/TU", "12/KH-UBND".
		want := strings.TrimPrefix(tt.want, tt.d.Rules().Number.Prefix)
		if tt.d.Number > 0 && (want == tt.want || strings.HasPrefix(want, " ") || strings.Contains(want, "Số")) {
			t.Errorf("%s: prefix %q does not strip %q", tt.name, tt.d.Rules().Number.Prefix, tt.want)
		}
		if got := tt.d.NumberSymbol(); got != want {
			t.Errorf("%s: NumberSymbol() = %q, want %q", tt.name, got, want)
		}
	}
}

// TestShortDate: the citation form keeps the date line's leading-zero rule (seed: "18/02/2019", "14/01/2022";
// "Tháng 3/2023").
func TestShortDate(t *testing.T) {
	for in, want := range map[string]string{
		"2019-02-18": "18/02/2019",
		"2022-01-14": "14/01/2022",
		"2023-03-05": "05/3/2023",
		"2023-03-15": "15/3/2023",
		"2023-12-31": "31/12/2023",
	} {
		if got := ShortDate(calendar.MustParseDate(in)); got != want {
			t.Errorf("ShortDate(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestDateLine(t *testing.T) {
	tests := []struct {
		date  string
		draft int
		place string
		want  string
	}{
		{"2023-03-05", 0, "Đức Phổ", "Đức Phổ, ngày 05 tháng 3 năm 2023"},
		{"2018-02-20", 0, "Hà Nội", "Hà Nội, ngày 20 tháng 02 năm 2018"},
		{"2026-01-09", 0, "Hà Nội", "Hà Nội, ngày 09 tháng 01 năm 2026"},
		{"2018-04-03", 0, "Hà Nội", "Hà Nội, ngày 03 tháng 4 năm 2018"},
		{"2023-12-31", 0, "Đức Phổ", "Đức Phổ, ngày 31 tháng 12 năm 2023"},
		{"2023-10-10", 0, "Đức Phổ", "Đức Phổ, ngày 10 tháng 10 năm 2023"},
		{"", 2023, "Đức Phổ", "Đức Phổ, ngày     tháng     năm 2023"},
		{"", 0, "Đức Phổ", "Đức Phổ, ngày     tháng     năm      "},
		{"2023-03-05", 0, "", "ngày 05 tháng 3 năm 2023"},
	}
	for _, tt := range tests {
		d := Document{Place: tt.place, DraftYear: tt.draft}
		if tt.date != "" {
			d.Date = calendar.MustParseDate(tt.date)
		}
		if got := d.DateLine(); got != tt.want {
			t.Errorf("DateLine(%s, %d) = %q, want %q", tt.date, tt.draft, got, tt.want)
		}
	}
}

func TestDraftRules(t *testing.T) {
	d := Document{System: Party, DraftYear: 2025}
	if got := d.Rules().ID; got != "party-hd36" {
		t.Errorf("draft 2025: %s", got)
	}
	d.DraftYear = 2026
	if got := d.Rules().ID; got != "party-2026" {
		t.Errorf("draft 2026: %s", got)
	}
}

func TestLabels(t *testing.T) {
	body := []Block{
		{Kind: Basis, Text: "Căn cứ …"},
		{Kind: Part, Title: "A"}, {Kind: Item, Title: "a"}, {Kind: SubItem, Title: "x"}, {Kind: SubItem, Title: "y"},
		{Kind: Bullet, Text: "b"}, {Kind: Item, Title: "b"}, {Kind: SubItem, Title: "z"},
		{Kind: Paragraph, Text: "p"},
		{Kind: Part, Title: "B"}, {Kind: Item, Title: "c"}, {Kind: Item, Title: "d", Label: "2a."}, {Kind: Item, Title: "e"},
		{Kind: Part, Title: "C"}, {Kind: Part, Title: "D"},
	}
	tests := []struct {
		sys  System
		date string
		want []string
	}{
		{Party, "2023-03-05", []string{"", "I-", "1.", "a)", "b)", "", "2.", "a)", "", "II-", "1.", "2a.", "3.", "III-", "IV-"}},
		{Party, "2026-09-01", []string{"", "I-", "1.", "a)", "b)", "", "2.", "a)", "", "II-", "1.", "2a.", "3.", "III-", "IV-"}},
		{State, "2023-03-05", []string{"", "I.", "1.", "a)", "b)", "", "2.", "a)", "", "II.", "1.", "2a.", "3.", "III.", "IV."}},
	}
	for _, tt := range tests {
		d := Document{System: tt.sys, Date: calendar.MustParseDate(tt.date), Body: body}
		if got := d.Labels(); !slices.Equal(got, tt.want) {
			t.Errorf("%s %s: Labels() = %q, want %q", tt.sys, tt.date, got, tt.want)
		}
	}
}

func TestRomanLetter(t *testing.T) {
	for n, want := range map[int]string{1: "I", 4: "IV", 9: "IX", 14: "XIV", 40: "XL", 1994: "MCMXCIV", 0: "0"} {
		if got := Roman(n); got != want {
			t.Errorf("Roman(%d) = %q, want %q", n, got, want)
		}
	}
	for n, want := range map[int]string{1: "a", 4: "d", 5: "đ", 6: "e", 7: "g", 23: "y", 24: "aa"} {
		if got := Letter(n); got != want {
			t.Errorf("Letter(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestRecipientLines(t *testing.T) {
	rec := []Recipient{{Name: "Ban Dân vận Tỉnh ủy", Note: "báo cáo"}, {Name: "Văn phòng Tỉnh ủy"}}
	tests := []struct {
		sys     System
		archive string
		want    []string
	}{
		{Party, "Lưu Văn phòng thị xã", []string{"- Ban Dân vận Tỉnh ủy (báo cáo),", "- Văn phòng Tỉnh ủy,", "- Lưu Văn phòng thị xã."}},
		{Party, "", []string{"- Ban Dân vận Tỉnh ủy (báo cáo),", "- Văn phòng Tỉnh ủy,", "- Lưu Văn phòng."}},
		{State, "Lưu: VT, BDV.", []string{"- Ban Dân vận Tỉnh ủy (báo cáo);", "- Văn phòng Tỉnh ủy;", "- Lưu: VT, BDV."}},
		{State, "", []string{"- Ban Dân vận Tỉnh ủy (báo cáo);", "- Văn phòng Tỉnh ủy;", "- Lưu: VT."}},
	}
	for _, tt := range tests {
		d := Document{System: tt.sys, Date: calendar.MustParseDate("2023-03-05"), Recipients: rec, Archive: tt.archive}
		if got := d.RecipientLines(); !slices.Equal(got, tt.want) {
			t.Errorf("%s: RecipientLines() = %q, want %q", tt.sys, got, tt.want)
		}
	}
}

func TestSignatureLines(t *testing.T) {
	d := seedDoc(t)
	auth, pos, name := d.SignatureLines()
	if !slices.Equal(auth, []string{"T/M BAN THƯỜNG VỤ"}) || pos != "BÍ THƯ" || name != "Nguyễn Kiên" {
		t.Errorf("party: %q %q %q", auth, pos, name)
	}
	auth, pos, _ = stateDoc().SignatureLines()
	if !slices.Equal(auth, []string{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"}) || pos != "PHÓ CHỦ TỊCH" {
		t.Errorf("state: %q %q", auth, pos)
	}
	d = &Document{Signature: Signature{Position: "Chủ tịch", Name: "A"}}
	if auth, pos, _ := d.SignatureLines(); auth != nil || pos != "CHỦ TỊCH" {
		t.Errorf("no mark: %q %q", auth, pos)
	}
}

func TestMarksBySystem(t *testing.T) {
	tests := []struct {
		sys  System
		mark string
		ok   bool
	}{
		{Party, "T/M", true}, {Party, "K/T", true}, {Party, "T/L", true},
		{Party, "TM.", false}, {Party, "KT.", false}, {Party, "TUQ.", false},
		{State, "TM.", true}, {State, "KT.", true}, {State, "TL.", true}, {State, "TUQ.", true}, {State, "Q.", true},
		{State, "T/M", false}, {State, "K/T", false},
		{Party, "", true}, {State, "", true},
	}
	for _, tt := range tests {
		d := seedDoc(t)
		if tt.sys == State {
			d = stateDoc()
		}
		d.Signature.Mark = tt.mark
		if tt.mark == "" {
			d.Signature.Authority = ""
		}
		err := d.Validate()
		if (err == nil) != tt.ok {
			t.Errorf("%s mark %q: Validate() = %v, want ok=%v", tt.sys, tt.mark, err, tt.ok)
		}
	}
}

func TestValidate(t *testing.T) {
	if err := seedDoc(t).Validate(); err != nil {
		t.Errorf("seed: %v", err)
	}
	if err := stateDoc().Validate(); err != nil {
		t.Errorf("state: %v", err)
	}
	bad := stateDoc()
	bad.System = "x"
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "system") {
		t.Errorf("bad system: %v", err)
	}
	bad = stateDoc()
	bad.Issuer = nil
	bad.Type = "Thông tri"
	bad.IssuerCode = ""
	bad.Place = ""
	bad.Urgency = "GẤP"
	bad.Signature.SubMark = "K/T"
	bad.Signature.Name = ""
	bad.Signature.Position = ""
	bad.Recipients = append(bad.Recipients, Recipient{})
	bad.Body = append(bad.Body, Block{Kind: "table"}, Block{Kind: Paragraph}, Block{Kind: Bullet, Text: "**open"}, Block{Kind: Paragraph, Title: "x", Text: "y"})
	err := bad.Validate()
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"issuer:", "type: \"Thông tri\"", "issuer code", "place", "urgency", "signature sub-mark",
		"signature name", "signature position", "recipients[3]", "body[12]: unknown kind", "body[13]: a paragraph needs text",
		"body[14] text: inline markup", "body[15]: a paragraph has no title"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() lacks %q:\n%v", want, err)
		}
	}
	if _, err := Render(bad); err == nil {
		t.Error("Render of an invalid document gave no error")
	}
}
