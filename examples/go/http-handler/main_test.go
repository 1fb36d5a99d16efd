package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/vanban/vanban/plan"
)

func post(t *testing.T, ctx context.Context, body []byte) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/plan", bytes.NewReader(body)).WithContext(ctx)
	handler{}.ServeHTTP(rec, req)
	return rec
}

func TestPostPlanGetsDocx(t *testing.T) {
	data, err := os.ReadFile("../../duc-pho-2023/plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rec := post(t, context.Background(), data)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	p, err := plan.Load("../../duc-pho-2023/plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := p.Render()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(rec.Body.Bytes(), want) {
		t.Error("the download differs from plan.Render")
	}
	if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename="ke-hoach-doi-thoai-2023.docx"` {
		t.Errorf("Content-Disposition %q", cd)
	}
}

func TestPostBadPlanGetsProblems(t *testing.T) {
	rec := post(t, context.Background(), []byte("kind: plan\nsumary: x\n"))
	if rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", rec.Code)
	}
	var reply struct {
		Problems []struct {
			Line int    `json:"line"`
			Path string `json:"path"`
			VI   string `json:"vi"`
			EN   string `json:"en"`
		} `json:"problems"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &reply); err != nil || len(reply.Problems) == 0 {
		t.Fatalf("%v: %s", err, rec.Body)
	}
	if p := reply.Problems[0]; p.Line == 0 || p.VI == "" || p.EN == "" {
		t.Errorf("first problem %+v", p)
	}
}

func TestCancelledRequestWritesNothing(t *testing.T) {
	data, _ := os.ReadFile("../../duc-pho-2023/plan.yaml")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rec := post(t, ctx, data)
	if rec.Code == http.StatusOK || bytes.HasPrefix(rec.Body.Bytes(), []byte("PK")) {
		t.Errorf("cancelled request: status %d", rec.Code)
	}
}

func TestGetIsRefused(t *testing.T) {
	rec := httptest.NewRecorder()
	handler{}.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/plan", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("status %d", rec.Code)
	}
}
