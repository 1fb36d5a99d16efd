package pdf

// Places lets the tests hide the installers' places, to test a machine without LibreOffice.
var Places = &places
