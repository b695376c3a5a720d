using System;
using Microsoft.Extensions.DependencyInjection;
using Pied.Lms;
using Pied.PeopleHub;
using Refit;

var services = new ServiceCollection();

services.AddRefitClient<ILmsApi>()
    .ConfigureHttpClient(c => c.BaseAddress = new Uri("https://piedpiper.360learning.com"));

services.AddRefitClient<IPeopleHubApi>()
    .ConfigureHttpClient(c => c.BaseAddress = new Uri("https://api.peoplehub.example"));

var provider = services.BuildServiceProvider();
var lms = provider.GetRequiredService<ILmsApi>();
var company = Environment.GetEnvironmentVariable("LMS_COMPANY");
var key = Environment.GetEnvironmentVariable("LMS_API_KEY");

foreach (var learner in await lms.GetLearners(company, key, deleted: true))
{
    Console.WriteLine(learner.mail);
}
