using System;
using System.Configuration;
using System.IO;
using System.Net;

namespace Acme.Lms.Legacy
{
    /// <summary>
    /// Gateway to the 360Learning API v1 (.NET Framework 4.5, used by the HR desktop tool).
    /// </summary>
    public class LmsGateway
    {
        private const string BaseUrl = "https://acme.360learning.com/api/v1";
        private readonly string _auth;

        public LmsGateway()
        {
            _auth = "company=" + ConfigurationManager.AppSettings["LmsCompany"]
                  + "&apiKey=" + ConfigurationManager.AppSettings["LmsApiKey"];
        }

        public void ChangePassword(string email, string password)
        {
            using (var wc = new WebClient())
            {
                wc.Headers[HttpRequestHeader.ContentType] = "application/json";
                var json = "{\"password\":\"" + password + "\"}";
                wc.UploadString(BaseUrl + "/users/" + Uri.EscapeDataString(email) + "?" + _auth, "PUT", json);
            }
        }

        public string ListUsers()
        {
            using (var wc = new WebClient())
            {
                return wc.DownloadString(string.Format("{0}/users?{1}&deleted=true", BaseUrl, _auth));
            }
        }

        public void RemoveFromGroup(string groupId, string email)
        {
            var req = (HttpWebRequest)WebRequest.Create($"{BaseUrl}/groups/{groupId}/users/{email}?{_auth}");
            req.Method = "DELETE";
            using (req.GetResponse()) { }
        }

        public string FindByWorkdayId(string workerId)
        {
            var req = (HttpWebRequest)WebRequest.Create(BaseUrl + "/users/getUserByExternalId/" + workerId + "/Workday?" + _auth);
            req.Method = "GET";
            using (var resp = req.GetResponse())
            using (var reader = new StreamReader(resp.GetResponseStream()))
            {
                return reader.ReadToEnd();
            }
        }

        public void Pseudonymize(string email)
        {
            using (var wc = new WebClient())
            {
                wc.UploadString(BaseUrl + "/users/" + Uri.EscapeDataString(email) + "/pseudonymize?" + _auth, "PUT", string.Empty);
            }
        }

        // Already on v2.
        public string ListUsersV2(string token)
        {
            using (var wc = new WebClient())
            {
                wc.Headers["Authorization"] = "Bearer " + token;
                wc.Headers["360-api-version"] = "v2.0";
                return wc.DownloadString("https://acme.360learning.com/api/v2/users");
            }
        }

        // Workday facade, not the LMS.
        public string WorkdayLeavers()
        {
            using (var wc = new WebClient())
            {
                return wc.DownloadString("https://hr.workday.example/api/v1/users?deleted=true");
            }
        }
    }
}
