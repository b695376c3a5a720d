package text_test

import (
	"strings"
	"testing"
)

// A Spring client's base comes from @Value("${key}"); the project's
// configuration file defines that key. The LMS client is reported, the
// directory client built the same way on another host is not.
// (application.yml is not covered: its reader names bases of 360Learning
// hosts only, so the directory's key would fall back to the LMS's.)
func TestSpringBaseFromConfiguration(t *testing.T) {
	client := func(class, key string) string {
		return "package com.acme.sync;\n\n@Component\npublic class " + class + " {\n  private final WebClient http;\n\n" +
			"  public " + class + "(WebClient.Builder builder, @Value(\"${" + key + "}\") String endpoint) {\n    this.http = builder.baseUrl(endpoint).build();\n  }\n\n" +
			"  public Mono<Void> wipe(String mail) {\n    return http.method(HttpMethod.PUT).uri(\"/users/{mail}/pseudonymize\", mail).retrieve().bodyToMono(Void.class);\n  }\n}\n"
	}
	for _, conf := range []map[string]string{
		{"src/main/resources/application.properties": "lms.endpoint=https://acme.360learning.com/api/v1\npeople.endpoint=https://api.peoplehub.example/api/v1\n"},
	} {
		files := map[string]string{
			"src/main/java/com/acme/sync/Lms.java":    client("Lms", "lms.endpoint"),
			"src/main/java/com/acme/sync/People.java": client("People", "people.endpoint"),
		}
		for k, v := range conf {
			files[k] = v
		}
		got := strings.Join(scanProject(t, files), "\n")
		if !strings.Contains(got, "Lms.java:12 ") {
			t.Errorf("%v: the LMS call is not reported:\n%s", conf, got)
		}
		if strings.Contains(got, "People.java") {
			t.Errorf("%v: the directory's call is reported:\n%s", conf, got)
		}
	}
}

// A NestJS service reads its base through ConfigService by an env key the
// project's .env.example defines; a directory service on another host
// built the same way is not reported.
func TestNestBaseFromEnvKey(t *testing.T) {
	svc := func(class, key, getter string) string {
		return "import { HttpService } from '@nestjs/axios';\nimport { ConfigService } from '@nestjs/config';\n\n@Injectable()\nexport class " + class + " {\n  private readonly root: string;\n\n" +
			"  constructor(private readonly http: HttpService, cfg: ConfigService) {\n    this.root = " + getter + "('" + key + "');\n  }\n\n" +
			"  archive(mail: string) {\n    return lastValueFrom(this.http.put(`${this.root}/users/${mail}`, { primaryGroupId: 'archive' }));\n  }\n}\n"
	}
	for _, getter := range []string{"cfg.getOrThrow<string>", "cfg.get"} {
		got := strings.Join(scanProject(t, map[string]string{
			".env.example":             "TRAINING_ROOT=https://acme.360learning.com/api/v1\nDIRECTORY_ROOT=https://api.peoplehub.example/api/v1\n",
			"src/training.service.ts":  svc("TrainingService", "TRAINING_ROOT", getter),
			"src/directory.service.ts": svc("DirectoryService", "DIRECTORY_ROOT", getter),
		}), "\n")
		if !strings.Contains(got, "src/training.service.ts:13 ") {
			t.Errorf("%s: the LMS call is not reported:\n%s", getter, got)
		}
		if strings.Contains(got, "directory") {
			t.Errorf("%s: the directory's call is reported:\n%s", getter, got)
		}
	}
}
