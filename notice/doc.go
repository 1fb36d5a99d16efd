// Package notice builds the cycle around each session of a citizen-dialogue plan (package plan): the documents
// before and after the session, the dates on which each step is due, counted in Vietnamese working days
// (package calendar), the follow-up of what each body was told to do, recurring reception schedules, and an
// iCalendar export.
//
// # The cycle
//
// The seed plan (Kế hoạch đối thoại trực tiếp giữa Bí thư Thị ủy với công dân năm 2023, section III) sets it:
//
//  1. Before the session the citizens' opinions are collected (tiếp nhận ý kiến), the bodies send their
//     preparatory reports, and the Văn phòng issues the invitations and has the session announced on the
//     radio (thông báo trên hệ thống đài truyền thanh): the session's Thông báo or Giấy mời (kind: session).
//  2. After it the Secretary's conclusion notice (Thông báo kết luận, kind: conclusion) is issued within the
//     plan's deadline, and tells each body what to do and by when to report and reply to the citizens.
//  3. The Ban Dân vận follows up the assignments (Báo cáo, kind: followup; the terminal table of "vanban
//     status"); the inspection commission (Ủy ban Kiểm tra) acts on delays.
//
// Offices also hold citizen reception on fixed days of each month (kind: reception-schedule), and import the
// whole cycle into their calendars (kind: calendar-export, "vanban ics").
//
// # Milestones and their defaults
//
// SessionMilestones computes, on the working-day calendar, the steps of each session's cycle with the offsets
// of plan.Offsets, where their defaults are documented once. A plan sets them for all its sessions (its
// milestones block; conclusion_deadline_working_days for the conclusion notice), and a session file may
// override any of them for its session under "milestones:"; a zero or absent key takes the plan's value, then
// the default:
//
//	opinions_open   10  opinions collected from the 10th working day before the session…
//	opinions_close   2  …to the 2nd working day before it
//	invitation       5  invitations and radio announcement, 5th working day before
//	reports          3  the bodies' preparatory reports, 3rd working day before
//	conclusion       7  the conclusion notice (the plan's conclusion_deadline_working_days)
//	reply           10  each assignment, 10 working days after the conclusion notice unless given
//
// Where they come from: the 07 working days of the conclusion notice come from the local Quy chế (Quyết định
// 879-QĐ/TU of Ban Thường vụ Thị ủy Đức Phổ), so the plan's conclusion_deadline_working_days is used and 7 is
// only the fallback; the 10 working days for replying to citizens come from Quy định 11-QĐi/TW (18/02/2019) of
// the Politburo, which gives 10 working days for a written reply to a petition (see docs/layout-rules.md, other facts).
// The three offsets before the session are not fixed by any text found: they are the usual practice of the
// offices (the State example's plan asks for opinions at least 05 days before), documented here and overridable.
//
// Counting follows Bộ luật Dân sự 2015 Điều 147: the session's day is not counted, the conclusion deadline is
// the 7th working day after it (calendar.AddWorkingDays); "5 working days before" is the 5th working day
// before the session. Swapped Saturdays are working days, compensatory weekdays are not (calendar.Default).
//
// # Input files
//
// Every file has a top-level kind and a relative path to its plan; the document frame (issuer, signature,
// archive line and its archive_copies) defaults to the plan's, and recipients are required. A file whose own
// issuer: names another body than the plan's keeps its own archive line: its archive: if it gives one, else the
// rule set's default of its system ("Lưu Văn phòng", "Lưu: VT"), never the plan's line, which names the plan's
// office. Loading is strict:
// unknown and duplicate keys, bad dates and hours, and the cross-file rules below are all reported together,
// each with file:line:col and a Vietnamese and English message. The YAML pitfalls noted in package plan hold
// here too: quote a value that ends with ":", and an item of a flow list [A, B] that holds a comma
// (["Các thôn 1, 2 và 3"]), or write a block list.
//
//	kind: session                    # a session's Thông báo (form: invitation for a Giấy mời)
//	plan: plan.yaml
//	session: q1                      # id of the session in the plan
//	document: {number: 0, date: 2023-03-08}
//	announcer: Thường trực Thị ủy    # "… trân trọng thông báo và kính mời …"
//	held_on: 2023-03-15              # in the plan's month for the session (or its day)
//	start: "08:00"
//	end: "11:00"
//	chair: Đồng chí Nguyễn Kiên, Bí thư Thị ủy
//	venue: Hội trường Ủy ban nhân dân thị xã      # default: the plan's
//	participants: [Các đồng chí Ủy viên Ban Thường vụ Thị ủy, …]   # "Thành phần mời:", one bullet each
//	addressees: [Các đồng chí Ủy viên Ban Thường vụ Thị ủy]      # Giấy mời: "Kính gửi:" (default: participants)
//	opinions: {send_to: Ban Dân vận Thị ủy}      # from/to default to the computed window
//	milestones: {invitation: 5}                 # optional offsets
//	recipients: [Các thành phần mời]
//
//	kind: conclusion                 # the Thông báo kết luận
//	plan: plan.yaml
//	session: q1                      # its day: held_on, else the session file, else the plan's day
//	illustration: true               # prints "(Nội dung minh họa)"
//	document: {date: 2023-03-22}     # checked: not before the session, not after the deadline
//	announcer: Thường trực Thị ủy
//	petitions: [{who: Ông Nguyễn Văn A, from: phường Nguyễn Nghiêm, text: đề nghị …}]   # optional, see below
//	conclusions: [Ghi nhận …]        # optional when the petitions are answered, see below
//	report_to: Thường trực Thị ủy (qua Ban Dân vận Thị ủy)
//	assignments:
//	  - {id: q1-1, body: Ủy ban nhân dân thị xã, task: …, due_working_days: 10}   # or due: 2023-04-14
//	recipients: [Ủy ban nhân dân thị xã (thực hiện)]
//
//	kind: followup                   # the Báo cáo as of a day
//	plan: plan.yaml
//	as_of: 2023-04-20
//	conclusions: [conclusion-q1.yaml]
//	assignments: [{id: x-1, body: …, task: …, due: 2023-04-01}]     # optional, written here
//	progress: [{assignment: q1-1, done_on: 2023-04-04, note: …}]
//	inspection: Ủy ban Kiểm tra Thị ủy
//	announcer: Ban Dân vận Thị ủy
//	recipients: [Thường trực Thị ủy (báo cáo)]
//
//	kind: reception-schedule         # the Thông báo lịch tiếp công dân
//	plan: plan.yaml
//	year: 2026
//	days: [15, 25]
//	shift: next                      # next | next-in-month | previous
//	receiver: Chủ tịch Ủy ban nhân dân phường
//	start: "07:30"
//	venue: Trụ sở tiếp công dân phường
//	announcer: Ủy ban nhân dân phường
//	recipients: [Trưởng các khu phố]
//
//	kind: calendar-export            # the .ics of the directory's session, conclusion and schedule files
//	plan: plan.yaml
//	output: lich-doi-thoai-2023.ics
//
// # Notices of no plan
//
// A session (or invitation), conclusion, follow-up or reception-schedule file may belong to no plan (an
// ad-hoc dialogue, a reception schedule of an office without a dialogue plan): it leaves out plan and names an
// office profile instead (office: office.yaml, a "kind: office" file holding issuer, signature and archive,
// the same blocks as a plan), or gives issuer, signature and archive itself. Such a notice cites no plan; a
// session notice gives its content and venue itself and is headed by the quarter of held_on; a conclusion
// notice gives held_on and its opening paragraph (intro). examples/office-adhoc has an invitation and a
// reception schedule of this kind. In Go: NewSession(nil, id) with UseOffice, or Issuer, Signature and Archive
// set.
//
// # Built in Go, loaded from an fs.FS
//
// NewSession, NewConclusion, NewFollowup and NewSchedule make the kinds on a *plan.Plan; Validate runs every
// rule on them (validate tags, free blocks, the rules of the kind), Render(ctx, opts) validates and lays them
// out, RenderTo writes to an io.Writer. Due dates, deadline issues, statuses and the session's day are
// computed when asked, from the values as they are. Zero values give errors, never panics. LoadFS loads a set
// from any fs.FS; a set reads and parses each file once.
//
// # Wording is data: placeholders, rewording, switches
//
// The generated texts of every kind that makes a .docx (session, conclusion, followup, reception-schedule) are
// data: notice/wording/<kind>.yaml holds, per key, its meaning and its default for each system (State
// defaults write the part titles in capitals), written as a file writes text: inline **bold** / *italic* and
// {{placeholders}} over the facts Go computes for the file (facts.go). Which sections a document has and in
// what order is data too: notice/wording/<kind>.sections.yaml lists its generated sections (between the intro
// and the closing) as blocks in the format of body: (part, item, subitem, paragraph, bullet, with text and
// content), whose texts take the file's placeholders and the texts of its wording as {{wording.KEY}}; each:
// repeats a block's content over a list the Go computes (participants, reception dates, notes, petitions with
// their assignments, conclusions, assignments, follow-up groups with their statuses, proposals), if: and
// unless: keep a block to a case, off: says what a block whose title a file switched off leaves (nothing, its
// text as a paragraph, or its content). The file's headings:, wording:, false switches, numbering: false and
// points: plain apply on top. A new default wording — reworded, or with a section added, dropped or moved —
// is a data change. The format and its interpreter are one internal package, which plan uses for the
// session items of a plan as well.
// docs/fields.md lists every key, placeholder and wording key of each kind (generated by a test, so it cannot
// drift: notice.Reference); "vanban fields FILE [--json]" (notice.Fields) lists them with their values for
// one file.
//
// Placeholders work in every free text of a file: summary, intro, closing, when, chair, venue, participants,
// headings, wording, the before / after / body blocks, petitions, conclusions, assignments (task, report),
// notes, proposals. Among them: {{day}}, {{weekday}}, {{day_long}}, {{hours}}, {{start}}, {{end}},
// {{venue}}, {{chair}}, {{opinions_from}}, {{opinions_to}}, {{conclusion_deadline}} and
// {{conclusion_days}}, {{invitation_date}}, {{reports_date}}, {{plan}} (the citation), {{plan_number}},
// {{plan_date}}, {{year}}, {{deadline}}, {{host}}, {{announcer}}; {{due.ID}} the due date of assignment ID;
// in an assignment's own task {{due}} and {{due_days}} (the task is then printed as written, without the
// report words and the due date after it); {{reception_dates}} and {{participants}} are lists: a bullet or
// paragraph holding only one of them prints a line per entry. An unknown placeholder is an error at its line
// and column, with the nearest name ("did you mean").
//
//	headings:                        # titles and labels of the generated sections; absent keys keep the defaults
//	  petitions: TÓM TẮT Ý KIẾN, KIẾN NGHỊ CỦA CÔNG DÂN
//	  answer: false                  # false switches a piece off (where its wording key allows it)
//	wording:                         # any key of the kind's wording, e.g. its sentences
//	  assignment: "{{task}}; báo cáo kết quả trước ngày {{due}}."
//	  closing: false
//	numbering: false                 # headings without "I-", "1."
//	before:                          # free blocks after the intro, before the generated sections
//	  - paragraph: "*(Nội dung minh họa)*"
//	after:                           # free blocks after the generated sections, before the closing
//	  - paragraph: Văn phòng HĐND và UBND xã báo cáo kết quả trước ngày {{due.ap-1}}.
//	body:                            # instead of the generated sections (not with before/after)
//	  - part: Nội dung
//	    content:
//	      - item: Chủ trì
//	        text: Đồng chí …
//	      - bullet: …                # "label: +" for a "+" sub-bullet
//
// A key that would have no effect is an error, never silently ignored: an empty string anywhere ("closing:
// \"\"", an empty heading), false on a piece that cannot be left out, an unknown wording key, the same key
// under headings and wording. intro, closing and the titles marked so in the wording data take false
// (closing: false prints no closing sentence); summary and the sentences around the computed facts are
// reworded, not removed.
//
// The free blocks are the plan's body blocks (plan.Block: part, item, subitem, paragraph, bullet, with text,
// label and content), checked by the plan's rules (plan.CheckBlocks: one kind per block, parts at the top,
// subitems inside items, no "sessions: true") and printed by the plan's converter (plan.Blocks), so their
// numbering continues that of the generated parts ("I-", "1." or "I.", "1." by the rule set) and they take the
// same inline markup and the file's placeholders. With body the intro and closing stay (intro: and closing:
// replace them) and every check of the structured fields still runs: held_on against the plan, the notice's
// date against the deadline, the assignments' due dates, their follow-up and calendar.
//
// A reception schedule with points: plain prints its numbered points (time, venue, the list of days, notes) as
// body paragraphs in normal weight, none held to the next, so the list of days follows on the same page.
//
// A session file may also give when, the whole time line ("Từ 14 giờ 00, thứ Sáu, ngày 12/9/2025 (một buổi
// chiều)"; start stays required for the calendar); chair and participants may be left out when body writes the
// content, and a Giấy mời needs participants only when it has no addressees. A Giấy mời prints its addressees
// under "Kính gửi:" (the participants when it has none) and, whatever the form, the participants given print
// under headings.participants ("Thành phần mời:"), except in a Giấy mời whose "Kính gửi" lines they already
// are.
//
// The generated texts name whom the dialogue is held with as the plan's summary does: the words after "với"
// that follow "đối thoại" there, up to "năm <year>" ("… đối thoại trực tiếp giữa Chủ tịch Ủy ban nhân dân
// phường với Nhân dân năm {{year}}" → "Nhân dân"), else "công dân". So a session's trích yếu and first
// paragraph read "… Hội nghị đối thoại trực tiếp giữa <host> với Nhân dân quý II/2026", and the conclusion
// notice and the follow-up report say "đối thoại trực tiếp với Nhân dân" the same way; summary: and intro:
// replace them.
//
// A conclusion file's petitions are optional (a thematic dialogue has none). Each may carry its answer and its
// assignments, printed right under it; then the petitions print as numbered items ("1. Ông A (thôn X): …").
// who is optional: a petition of several citizens or of a whole hamlet starts with its text ("1. Các hộ dân
// thôn X đề nghị …"):
//
//	petitions:
//	  - who: Ông Nguyễn Văn Tâm
//	    from: thôn An Lộc
//	    text: phản ánh tuyến mương … bị bồi lấp
//	    answer: Ý kiến của ông là chính đáng; …           # "Kết luận: …" (headings.answer)
//	    assignments:                                     # written here: "Giao Phòng Kinh tế: …; báo cáo … trước ngày …"
//	      - {id: ap-1, body: Phòng Kinh tế, task: kiểm tra …, due: 2025-10-31}
//	    assignment_ids: [ap-2]                           # named from the assignments list, printed here instead
//	conclusions:                                         # optional when petitions carry answers or assignments
//	  - Ghi nhận …                                       # a bullet
//	  - text: "Thời gian tới, đề nghị:"                  # a bullet with "+" sub-bullets
//	    bullets:
//	      - Thành lập **Tổ công nghệ số cộng đồng** ở các thôn;
//	      - Hỗ trợ …
//	assignments:                                         # optional; those not named by a petition print in their part
//	  - {id: ap-3, body: Văn phòng HĐND và UBND xã, task: Đăng tải …, due_working_days: 5, report: hoàn thành}
//
// Under a petition its own assignments print first, in file order, then those it names in assignment_ids, in
// that order (each once); the assignments of the list it does not name print in the assignments part.
//
// A notice must conclude something: conclusions, an answer or assignment under a petition, assignments, or a
// body; otherwise it is an error. report_to is required when a printed assignment's report words name it
// ({report_to}); an assignment's report replaces those words for it. With body, petitions and conclusions are
// errors (they would not be printed); the assignments stay, for their deadlines and follow-up. Petitions'
// assignments count with the others: unique ids, due dates, follow-up, status and calendar.
//
// examples/ubnd-tinh-2026 (a provincial People's Committee: conclusion notice, follow-up report, reception
// schedule) and examples/dang-uy-phuong-2026 (a ward Party committee: session and conclusion notices) are
// documents of other bodies in their own wording with placeholders and switches, reproduced word for word by
// the tests.
// notice/testdata/other-bodies holds three documents of other bodies written this way, each with its plan: a
// State Ủy ban nhân dân xã conclusion notice answering each petition under it, a Đảng ủy phường Giấy mời, a
// thematic dialogue's conclusion notice.
//
// # Deadlines
//
// A conclusion notice dated before its session, or after the session plus the deadline in working days, is a
// warning (Set.Warnings, printed by the command line); Options.StrictDeadlines (--strict) makes it an error.
// These are warnings too, at the field: a session held on a day off (held_on), a session notice dated after its
// invitation milestone, any document (session, conclusion, followup, reception-schedule) dated on a day off —
// a weekend, a holiday, a compensatory day off — (document.date), and a reception schedule whose year is not
// its plan's (year: a schedule for next year issued in December under this year's plan is possible, a copied
// file whose year was not updated more likely). A session held on another day than the plan's (held_on) is a
// warning stating the new day ("buổi q2 lùi sang thứ Tư, ngày 07/6/2023 (kế hoạch: Tháng 5/2023)"): plans
// change, and the notice is what announces it. An opinion window given to open (opinions.from) before the
// notice's date is a warning: the notice cannot announce days already past. (The computed window is not
// checked this way: with the default offsets it opens 10 working days before the session and the notice is
// due 5 working days before, so the window is announced by the plan and the radio, not only by the notice.)
//
// # Statuses
//
// Evaluate gives each assignment's status on a day: done (on time or late by N working days), in progress,
// not issued yet (its conclusion notice has no date: "Chưa ban hành"), or overdue by N working days (the
// working days after the due date up to and including that day). Work done after the as-of day counts as not
// done yet.
//
// # iCalendar
//
// WriteICS writes RFC 5545 with github.com/arran4/golang-ical: sessions and reception days are timed events
// written in UTC (Vietnam is UTC+7 all year; X-WR-TIMEZONE says Asia/Ho_Chi_Minh); the other milestones are
// all-day events (DTEND the day after, as the RFC wants). The output is deterministic: DTSTAMP is midnight UTC
// of the plan's date, and UIDs are built from the plan's issuer, year, session id and milestone kind
// ("thi-uy-duc-pho-2023.q1.conclusion@vanban"), so importing a newer export updates the events.
package notice
