using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Acme.Hr.Lms
{
    public class LmsService
    {
        private readonly HttpClient _client;

        public LmsService(HttpClient client)
        {
            _client = client;
            _client.BaseAddress = new Uri("https://acme.360learning.com/api/v1/");
        }

        public Task<HttpResponseMessage> ListUsers(string company, string apiKey) =>
            _client.GetAsync($"users?company={company}&apiKey={apiKey}");

        public async Task Pseudonymize(string email)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"https://acme.360learning.com/api/v1/users/{email}/pseudonymize");
            await _client.SendAsync(request);
        }

        public Task<HttpResponseMessage> LegacyDelete(string groupId, string email) =>
            _client.DeleteAsync(string.Format("https://acme.360learning.com/api/v1/groups/{0}/users/{1}", groupId, email));
    }

    [ApiController]
    public class MirrorController : ControllerBase
    {
        [HttpGet("/api/v1/users")]
        public IActionResult List() => Ok();
    }
}
