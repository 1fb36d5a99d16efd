// Package document holds the official frame (thể thức) every paper vanban writes shares — header, number and
// symbol, place and date, title, body, Nơi nhận, signature — and the rules that lay it out for the two systems
// of Vietnamese official documents. The input packages (plan, notice) fill a Document; Render turns it into a
// .docx with the embedded layouts of package templates.
//
// The rules the package implements, each with its source and the test that holds it, are listed in
// docs/layout-rules.md of the repository.
//
// # Rule sets
//
// The rules are data (rules.yaml, embedded; ParseRules reads a file of the same form) and are chosen by the
// document's system and date (RulesFor, Document.Rules):
//
//   - party-hd36: Party documents under Hướng dẫn 36-HD/VPTW (03/4/2018). "Số 45-KH/TU" (no colon; number "-"
//     type "/" body); headings "I-", "1.", "a)"; marks T/M, K/T, T/L; Nơi nhận lines end ",", the last is
//     "- Lưu Văn phòng ….". Layout "party".
//   - party-2026: Party documents under Quy định 399-QĐ/TW (09/01/2026) and Hướng dẫn 05-HD/VPTW. Layout
//     "party-2026" (the same page as "party", the position line of the signature not bold, as HD 05 summaries
//     say).
//   - state-nd30: State documents under Nghị định 30/2020/NĐ-CP. "Số: 12/KH-UBND" (colon; number "/" type "-"
//     body; Công văn has no type code: "Số: 123/UBND-VP"); headings "I.", "1.", "a)", the "I."-level titles in
//     capitals whatever was typed; the trích yếu starting with a capital; the last căn cứ line ending "."; marks
//     TM., KT., TL., TUQ., Q.; Nơi nhận lines end ";", the last is "- Lưu: VT, …." with the number of copies
//     kept when given ("(02b)"); the Khẩn / Thượng khẩn / Hỏa tốc mark red in a red frame 8 mm high and 20, 40
//     or 30 mm wide. Layout "state".
//
// # Lines a clerk would draw and break by hand
//
// The type name and the trích yếu are broken into balanced lines by the package (line breaks in the text), never
// leaving a lone word ("2026") on the last line nor splitting a name ("Nhân / dân"): each word is measured with
// the advance widths of Times New Roman (TextWidth; the tables are metrics/*.txt) and the break points come from
// the line_breaks data of rules.yaml. A "\n" in Summary or Title forces a break. The State layout draws the line
// under the trích yếu 1/3–1/2 as long as its longest line and the one under the issuing body 1/3–1/2 of the
// name's longest line, choosing among paragraphs of 10 to 80 mm (TemplateData.SummaryRule, IssuerRule); the
// lines under the Tiêu ngữ and the Party heading are drawn as long as their text, below it, in both layouts. Nơi
// nhận items wrap under their own text (a hanging indent).
//
// The type tables (Kế hoạch → KH, …) are NĐ 30 Phụ lục III for State and the HD 36 list (with QĐi for Quy định,
// CV for Công văn) for Party; TypeCode looks a name up.
//
// The date line follows NĐ 30 (and Party practice): "Đức Phổ, ngày 05 tháng 3 năm 2023" — days below 10 and
// the months 1 and 2 take a leading zero, months 3–12 do not. A draft (zero Date) prints blanks for day and
// month and DraftYear for the year; it gets the rule set in force on 31 December of DraftYear. A Number of 0
// prints blanks for the clerk.
//
// # Levels that no longer exist
//
// rules.yaml also lists administrative levels abolished on a date (abolished_levels): the district level (huyện,
// quận, thị xã) from 01/7/2025 (Luật Tổ chức chính quyền địa phương số 72/2025/QH15; Kết luận 215-KL/TW limits
// Quy định 11-QĐi/TW to provincial and commune levels). Rules.AbolishedIssuer tells whether an issuer belongs to
// one on a date; package plan turns that into a warning. "THÀNH ỦY" and "ỦY BAN NHÂN DÂN THÀNH PHỐ" are not
// listed, since a thành phố may be a province.
//
// # Unconfirmed points and how each is a setting
//
// Facts marked [U] (unconfirmed) or [S1] (one secondary source) in the format rules are choices of ours. Each
// is a value in rules.yaml (change it with ParseRules and WithRules) or a style in the layouts (change it by
// editing a copy of the layout in Word — templates.LayoutDocx — and passing it with WithTemplate):
//
//   - The date of Hướng dẫn 05-HD/VPTW, the switch to the 2026 Party rules: 27/5/2026, as most sources give;
//     no official copy was seen. Move it with DefaultRules().WithValidFrom("party-2026", date) and WithRules,
//     or edit valid_from.
//   - What HD 05 changes: unknown. party-2026 keeps the HD 36 values except the non-bold position line; the
//     heading labels stay "I-", "1.", "a)" — 399-QĐ/TW numbers its own text "Phần I … Điều 1. … 1.", the form
//     of a Quy định, not of a Kế hoạch. QĐi stays in the Party type table (one summary says HD 05 drops it).
//   - Leading zero on Party numbers below 10 ("Số 05-KH/TU"): stated for HD 05, unconfirmed for HD 36; on
//     (number.leading_zero).
//   - Party Nơi nhận: lines ending "," and the last "- Lưu Văn phòng …" (recipients.*); "Nơi nhận" underlined
//     14 and items 12 (layout styles VBRecipientsLabel, VBRecipient). Notes like "(báo cáo)" come from
//     Recipient.Note.
//   - "Giấy mời" (GM) in the Party type table: not in the HD 36 list seen; Party committees issue them.
//   - State heading labels for plans and reports "I.", "1.", "a)"; headings bold (label and title; the run-in
//     text after "Title:" is not).
//   - Page: A4, margins top 20, bottom 20, left 30, right 15 mm for both systems (State allows 20–25, 20–25,
//     30–35, 15–20). Header and Nơi nhận/signature tables: Party 47/53 and 50/50, State 40/60 and 50/50 of the
//     9354-twip text width. Body: justified, first-line indent 1 cm (Party) or 1.27 cm (State), 6 pt before
//     each paragraph, line spacing exactly 18 pt (about 1.1 lines at 14 pt). Page numbers: centred PAGE field
//     in the header 10 mm from the top edge, none on page 1.
//   - The Party position line of the signature block: bold under HD 36 (as in real documents of the time), not
//     bold under HD 05.
//
// # Inline markup
//
// Body titles and texts (not the summary, which is printed bold as it is) may carry "***bold italic***", "**bold**" and "*italic*", with "\*"
// for a literal asterisk (ParseInline). All text is normalised to NFC.
package document
