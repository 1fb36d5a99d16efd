// Package plan reads the YAML description of an annual citizen-dialogue plan (kế hoạch đối thoại trực tiếp với
// công dân) and turns it into the official Kế hoạch document, laid out by the rules of its system (Party or
// State) through package document.
//
// # The format
//
// A plan file is a YAML mapping; the keys, in the order of the printed document:
//
//	kind: plan                       # required: the renderer of "vanban render" dispatches on it
//	output: ke-hoach-2023.docx       # optional output file name (default: input name with .docx)
//	issuer:                          # the issuing body (cơ quan ban hành)
//	  system: party                  # party | state
//	  superior: [ĐẢNG BỘ TỈNH QUẢNG NGÃI]   # superior body lines; none for an Ủy ban nhân dân
//	  name: [THỊ ỦY ĐỨC PHỔ]        # issuing body lines
//	  code: TU                       # abbreviation in the symbol (ký hiệu)
//	  place: Đức Phổ                 # place name of the date line
//	  host: Bí thư Thị ủy            # who holds the dialogues (used by the session notices)
//	document: {type: Kế hoạch, number: 0, date: 2023-02-15}   # number 0 or absent: blank (draft)
//	year: 2023                       # the plan's year; defaults to the year of document.date
//	summary: đối thoại trực tiếp giữa Bí thư Thị ủy với công dân năm {{year}}   # broken into balanced lines; "\n" (in double quotes) forces a break
//	conclusion_deadline_working_days: 7
//	milestones:                      # optional offsets of each session's cycle, in working days (plan.Offsets;
//	  opinions_open: 10              #   these are the defaults): opinions collected from the 10th…
//	  opinions_close: 2              #   …to the 2nd working day before the session
//	  invitation: 5                  # invitations and radio announcement before the session
//	  reports: 3                     # the bodies' preparatory reports before the session
//	  reply: 10                      # each assignment, after the conclusion notice (unless the notice gives a date)
//	bases:                           # legal bases
//	  items:
//	    - {type: Quy định, number: 11-QĐi/TW, date: 2019-02-18, issuer: Bộ Chính trị, subject: về …}
//	  then: "Ban Thường vụ Thị ủy ban hành Kế hoạch …, cụ thể như sau:"   # quoted: it ends with ":"
//	body:                            # parts, items, paragraphs, bullets; labels are generated
//	  - part: Mục đích, yêu cầu
//	    content:
//	      - item: Mục đích
//	        content:
//	          - bullet: Lắng nghe …
//	  - part: Nội dung, đối tượng, thời gian và địa điểm tổ chức đối thoại
//	    content:
//	      - sessions: true           # the sessions go here, then the ad_hoc clause
//	sessions:                        # optional: a plan may announce its sessions later (no sessions: true block then)
//	  - {id: q1, quarter: 1, content: "**…**", participants: …, time: 2023-03, venue: …}
//	ad_hoc: Ngoài ra, …
//	closing: Yêu cầu các cơ quan …
//	recipients: [Ban Dân vận Tỉnh ủy (báo cáo), Văn phòng Tỉnh ủy]
//	archive: Lưu Văn phòng thị xã
//	archive_copies: 2                # optional: copies kept, "- Lưu Văn phòng thị xã (02b)." (NĐ 30 provides for it)
//	signature: {mark: T/M, authority: BAN THƯỜNG VỤ, position: BÍ THƯ, name: Nguyễn Kiên}
//
// A State signature with a deputy signing for the head (three lines "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH /
// PHÓ CHỦ TỊCH") adds the second mark and authority:
//
//	signature:
//	  mark: TM.
//	  authority: ỦY BAN NHÂN DÂN
//	  sub_mark: KT.
//	  sub_authority: CHỦ TỊCH
//	  position: PHÓ CHỦ TỊCH
//	  name: Lê Văn Bình
//
// Two YAML pitfalls. A value that ends with ":" or holds ": " or " #" must be quoted ("…, cụ thể như sau:"),
// otherwise it is read as a key or cut at the comment. In a flow list [A, B] every comma splits an item, so
// [Các thôn 1, 2 và 3] is three recipients: quote the item (["Các thôn 1, 2 và 3"]) or write a block list
// ("- Các thôn 1, 2 và 3" on its own line). A flow mapping {…} splits at its commas the same way.
//
// Text may carry the inline markup of document.ParseInline (**bold**, *italic*, ***both***) and two
// placeholders: {{deadline}}, the conclusion-notice deadline in working days written with two digits ("07"),
// and {{year}}, the plan's year. Any other {{…}} is an error. The deadline is a setting of each plan (the seed's
// 07 days come from a local Quy chế), never a constant; writing it through {{deadline}} keeps the duty text and
// the session cycle consistent.
//
// The parts of the document vanban generates (each session's heading and its four bullets, the lead of the
// legal bases) are worded by data, plan/wording.yaml (DefaultWording), which a plan rewords under wording:
// (a string with the placeholders {{year}}, {{deadline}} and, for one session, {{quarter}}, {{month}},
// {{session_year}}, {{content}}, {{participants}}, {{time}}, {{venue}}), or switches a bullet off with false;
// docs/fields.md lists the keys. Their structure is data too: plan/wording/sessions.sections.yaml (the format
// of notice/wording/<kind>.sections.yaml, read by the one sections interpreter notice also uses) orders the session items, their
// bullets and the ad-hoc item that sessions: true stands for, over the facts Go computes for each session; a
// bullet added, dropped or moved there is a data change. A session without quarter (monthly, ad hoc) is headed by its month
// ("Tháng 3/2026"). Sessions are in the plan's year, or, for a cycle across the year end, in the first quarter
// of the next; a plan issued in December for the next year says so with year:.
//
// Legal bases are structured items; the intro is generated from them. Party (form "paragraph", lead
// "Thực hiện"): one paragraph "Thực hiện A; B, <then>". State (form "lines", lead "Căn cứ"): one italic line per
// basis "Căn cứ A;" then the "then" paragraph (the last line ends "." when there is none). Each basis prints as
// "<type> số <number> ngày <dd/mm/yyyy> của <issuer> <subject>", leaving out the parts not given, or its "text".
//
// The JSON Schema of the format is JSONSchema(), committed as schema/plan.schema.json.
//
// The body's block model is shared: the notices of package notice write their free blocks (before, after, body)
// with it, checked by (*Plan).CheckBlocks and printed by (*Plan).Blocks, the one converter.
//
// # Errors
//
// Loading is strict: unknown and duplicate keys, values of the wrong kind, bad dates, the validator tags of the
// model and the cross-field rules of Check are all reported together, each with file:line:col, its field path
// and a Vietnamese and English message (problem.List). The rules run on what decoded; a field that failed to
// decode gets no second error from them.
//
// A plan without sessions is valid (Part II may say "thời gian cụ thể sẽ có thông báo sau"); then its body has
// no "sessions: true" block and no ad_hoc clause, which are errors without sessions, as a missing block is with
// them.
//
// # Warnings
//
// Warnings(cal) reports, at the position of its time, each session whose time names a day that is not a
// working day on the calendar (a weekend, a holiday, a compensatory day off such as 27/4/2026). It needs a
// calendar, so Parse leaves it out; "vanban render" and "vanban validate" print these warnings and --strict
// makes them errors.
package plan
