using System.Collections.Generic;
using System.Threading.Tasks;
using Refit;

namespace Pied.PeopleHub
{
    /// <summary>PeopleHub HRIS, bound to https://api.peoplehub.example in Program.cs.</summary>
    public interface IPeopleHubApi
    {
        [Get("/api/v1/users")]
        Task<List<Employee>> GetEmployees([Query] bool deleted = false);

        [Put("/api/v1/users/{email}")]
        Task UpdateEmployee(string email, [Body] object patch);
    }

    public record Employee(string Id, string Mail);
}
