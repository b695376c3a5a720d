package text_test

import (
	"strings"
	"testing"

	"github.com/migaudit/migaudit/analyzer/text"
)

const refitTraining = `using Refit;

namespace Acme.Training
{
    public interface ITrainingApi
    {
        [Get("/api/v1/users")]
        Task<List<Row>> Learners([AliasAs("deleted")] bool includeDeleted, CancellationToken ct = default);

        [Delete("/api/v1/groups/{groupId}/users/{mail}")]
        Task Detach(string groupId, string mail, [Body] object options);
    }
}
`

const refitDirectory = `using Refit;

namespace Acme.Directory
{
    public interface IDirectoryApi
    {
        [Get("/api/v1/users")]
        Task<List<Person>> People([Query] bool deleted);
    }
}
`

// A Refit interface's paths are pending on a base named by the interface
// type; its query parameters come from the method's parameters.
func TestRefitInterface(t *testing.T) {
	f, err := text.Read("ITrainingApi.cs", []byte(refitTraining))
	if err != nil {
		t.Fatal(err)
	}
	want := "pending(ITrainingApi) DELETE {ITrainingApi}/api/v1/groups/{groupId}/users/{mail}\npending(ITrainingApi) GET {ITrainingApi}/api/v1/users deleted@query"
	if got := summary(f); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for _, c := range f.Pending {
		for _, p := range c.Call.Params {
			if got := refitTraining[p.NameSpan.Start:p.NameSpan.End]; got != p.Name {
				t.Errorf("parameter %s spans %q", p.Name, got)
			}
		}
	}
}

// Each interface is bound to the base address the project configures for
// its type: the training API (a 360Learning tenant) is reported, the
// directory (another host, same /api/v1/users path) is not, whichever way
// the client is registered.
func TestRefitBaseAddressByType(t *testing.T) {
	for _, setup := range []string{
		"services.AddRefitClient<ITrainingApi>()\n    .ConfigureHttpClient(c => c.BaseAddress = new Uri(\"https://acme.360learning.com\"));\n" +
			"services.AddRefitClient<IDirectoryApi>()\n    .ConfigureHttpClient(c => c.BaseAddress = new Uri(\"https://api.peoplehub.example\"));\n",
		"var training = RestService.For<ITrainingApi>(\"https://acme.360learning.com\");\nvar directory = RestService.For<IDirectoryApi>(\"https://api.peoplehub.example\");\n",
	} {
		got := strings.Join(scanProject(t, map[string]string{
			"Training/ITrainingApi.cs":   refitTraining,
			"Directory/IDirectoryApi.cs": refitDirectory,
			"Program.cs":                 "using Refit;\n\nvar services = new ServiceCollection();\n" + setup,
		}), "\n")
		if !strings.Contains(got, "Training/ITrainingApi.cs:7 ") {
			t.Errorf("the training API's call is not reported:\n%s", got)
		}
		if strings.Contains(got, "Directory/") {
			t.Errorf("the directory's call is reported:\n%s", got)
		}
	}
}
