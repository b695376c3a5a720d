using System.Net.Http.Json;

namespace Acme.LmsSync;

/// <summary>360Learning API v1 calls used by the Dynamics 365 HR connector.</summary>
public sealed class LmsApi
{
    private readonly HttpClient _http;
    private readonly string _auth;

    public LmsApi(HttpClient http, string company, string apiKey)
    {
        _http = http; // BaseAddress = https://acme.360learning.com/ (set in Program.cs)
        _auth = $"company={Uri.EscapeDataString(company)}&apiKey={Uri.EscapeDataString(apiKey)}";
    }

    public Task<HttpResponseMessage> GetUserByExternalIdAsync(string externalId) =>
        _http.GetAsync($"/api/v1/users/getUserByExternalId/{Uri.EscapeDataString(externalId)}/dynamics?{_auth}");

    public Task<HttpResponseMessage> ResetPasswordAsync(string email, string password) =>
        _http.PutAsJsonAsync($"/api/v1/users/{email}?{_auth}", new { password = password });

    public Task<HttpResponseMessage> RemoveFromGroupAsync(string groupId, string email)
    {
        var req = new HttpRequestMessage(HttpMethod.Delete, $"https://acme.360learning.com/api/v1/groups/{groupId}/users/{email}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["company"] = "acme",
                ["deleteFromPrivateSubgroups"] = "false",
            }),
        };
        return _http.SendAsync(req);
    }

    public Task<HttpResponseMessage> ListGroupsAsync() => _http.GetAsync($"/api/v1/groups?{_auth}");
}
