// Package serve is the web page of "vanban serve": one office's folder of YAML files (plan, sessions,
// conclusions, follow-ups, schedules, office profile) served as a small web application for the clerks who
// write the documents, all in the binary (HTML, CSS and JavaScript embedded, no CDN, no build step).
//
//	h, err := serve.Handler("ho-so-2026", serve.Options{})
//	srv := serve.NewServer("127.0.0.1:8080", h)
//	err = srv.ListenAndServe()
//
// The page, in Vietnamese first (English a click away):
//
//   - Overview: every *.yaml file of the folder with its kind and its state (valid, warnings, errors: what
//     "vanban validate" says), and the year's time line as of today: the sessions, opinion windows, invitation
//     and report days, conclusion deadlines, the reception days, and each assignment done, in progress or
//     overdue (the facts of "vanban milestones" and "vanban status").
//   - Edit: a file in a text editor with line numbers; as the clerk types, the text is checked (POST
//     /api/check) as "vanban validate" checks it, against the folder's other files as saved, and every error
//     and warning shows at its line in both languages. The keys, placeholders and wording of the file's kind
//     are listed from notice.Reference and notice.Fields (the source of "vanban fields"), with their values.
//     A new file starts from a skeleton of its kind (skeletons/*.yaml, embedded: a commune People's
//     Committee after 01/7/2025; they validate and render as they are; a notice's is moved to the next
//     session of the folder's plan); an empty folder can be filled with the starting folder of "vanban
//     init" (package starter).
//   - Preview: the document laid out as HTML from the same document model the .docx is made from (header,
//     number and date line, title, body, Nơi nhận, signature), updated as the text changes; and the saved
//     file's PDF made by LibreOffice when it is installed.
//   - Download: the .docx of a file, its .pdf (LibreOffice), the .ics of the cycle, and a .zip of every
//     document of the folder (render.Run with a zip sink).
//
// # Saving never loses work
//
// A save is atomic (a temporary file in the same folder, synced, renamed over the file), and the previous
// content is kept first as .vanban-backup/NAME.N.yaml (the 20 newest of each file). Every save names the
// version the edit started from (a hash of the content and the modification time, X-Vanban-Version); a file
// changed, created or deleted on disk since then is not touched, and the answer is 409 with a message in both
// languages, shown in the page. Names starting with "." (the backup folder among them) are never listed,
// never read as inputs and never served.
//
// # Safe by default
//
// The command line listens on 127.0.0.1 unless told otherwise, and any other address needs a token
// (CheckAddr; Options.Token): given once in the address, it is kept in a cookie. Without a token, a request
// whose Host is not this computer is refused (a page of another site cannot reach the server through a DNS
// name of its own). Every path is cleaned, relative, without "..", without hidden names, a .yaml or .yml
// file, and opened through an os.Root: a symbolic link cannot lead out of the folder. Every request other
// than GET carries the page's CSRF token (X-Vanban-CSRF) and passes net/http's cross-origin protection.
// A request body, like an input file on the command line, is at most 1 MiB (413 beyond). NewServer sets
// the timeouts of the http.Server.
//
// # Endpoints
//
//	GET  /                                  the page
//	GET  /api/overview                      files and states, milestones, statuses (JSON)
//	GET  /api/file?path=P                   a file's text and version
//	POST /api/check?path=P                  body: the text; its errors, warnings and preview
//	POST /api/save?path=P                   body: the text; header X-Vanban-Version; 409 on a conflict
//	GET  /api/fields?kind=K[&path=P]        keys, placeholders, wording
//	GET  /api/skeleton?kind=K&path=P        the starting text of a new file
//	POST /api/starter?kind=ubnd-xa          an empty folder filled with "vanban init"'s files (package starter)
//	GET  /api/download?format=docx|pdf&path=P, ?format=ics, ?format=zip
//
// Errors are JSON {"error": {"vi": …, "en": …}}; a download of files with errors is 422 with their issues.
package serve
