package analyzer

import (
	"testing"

	"github.com/migaudit/migaudit/rules"
)

func TestMostSpecificRejectsAnotherSystemsBase(t *testing.T) {
	lms := rules.Base{Name: "lms.endpoint", URL: []rules.URLPart{{Lit: "https://acme.360learning.com/api/v1"}}}
	bare := rules.Base{Name: "LMS_ENDPOINT", URL: []rules.URLPart{{Lit: "https://acme.360learning.com/api/v1"}}}
	for ref, want := range map[string]int{
		"people.endpoint":       0, // another system's setting: not the LMS's
		"config.lms.endpoint":   1,
		"this.endpoint":         1, // a container says nothing
		"lmsConfig.endpoint":    1, // contains "lms"
		"settings.endpoint":     1,
		"peoplehubApi.endpoint": 0,
		"process.env.endpoint":  1,
	} {
		if got := len(mostSpecific(ref, []rules.Base{lms})); got != want {
			t.Errorf("mostSpecific(%q) kept %d bases, want %d", ref, got, want)
		}
	}
	deep := rules.Base{Name: "services.lms.api.baseUrl", URL: lms.URL}
	if got := mostSpecific("lms.baseUrl", []rules.Base{deep}); len(got) != 1 {
		t.Errorf("a deeper name of the same system: %v", got)
	}
	if got := mostSpecific("people.baseUrl", []rules.Base{deep}); len(got) != 0 {
		t.Errorf("another system: %v", got)
	}
	if got := mostSpecific("process.env.LMS_ENDPOINT", []rules.Base{bare}); len(got) != 1 {
		t.Errorf("env reference: %v", got)
	}
}
