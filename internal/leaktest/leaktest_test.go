package leaktest

import (
	"strings"
	"testing"
	"time"
)

func TestWaitReportsARunningGoroutineUntilItEnds(t *testing.T) {
	before := Goroutines()
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-stop
	}()
	leaked := Wait(before, 50*time.Millisecond)
	if len(leaked) != 1 || !strings.Contains(leaked[0], "leaktest.TestWaitReportsARunningGoroutineUntilItEnds") {
		t.Fatalf("Wait found %d goroutines, want the blocked one:\n%s", len(leaked), strings.Join(leaked, "\n\n"))
	}
	close(stop)
	<-done
	if leaked := Wait(before, 5*time.Second); len(leaked) != 0 {
		t.Errorf("after the goroutine ended, Wait still finds:\n%s", strings.Join(leaked, "\n\n"))
	}
}

func TestGoroutinesListsTheCaller(t *testing.T) {
	found := false
	for id, stack := range Goroutines() {
		if !strings.HasPrefix(id, "goroutine ") {
			t.Errorf("key %q is not a goroutine header", id)
		}
		found = found || strings.Contains(stack, "TestGoroutinesListsTheCaller")
	}
	if !found {
		t.Error("the calling goroutine is not listed")
	}
}

func TestCheckPassesWhenNothingLeaks(t *testing.T) {
	Check(t)
	done := make(chan struct{})
	go func() { close(done) }()
	<-done
}
