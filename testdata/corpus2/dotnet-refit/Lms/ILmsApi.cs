using System.Collections.Generic;
using System.Threading.Tasks;
using Refit;

namespace Pied.Lms
{
    /// <summary>360Learning v1 API, bound in Program.cs to the tenant URL.</summary>
    public interface ILmsApi
    {
        [Get("/api/v1/users")]
        Task<List<Learner>> GetLearners([Query] string company, [Query] string apiKey, [Query] bool deleted = false);

        [Put("/api/v1/users/{email}")]
        Task UpdateLearner(string email, [Body] LearnerUpdate update, [Query] string company, [Query] string apiKey);

        [Put("/api/v1/users/{email}/pseudonymize")]
        Task Pseudonymize(string email, [Query] string company, [Query] string apiKey);

        [Get("/api/v1/users/getUserByExternalId/{externalId}/{platform}")]
        Task<Learner> FindByExternalId(string externalId, string platform, [Query] string company, [Query] string apiKey);
    }

    public record LearnerUpdate(string FirstName, string LastName, string Password, string PrimaryGroupId);

    public record Learner(string _id, string mail, string firstName, string lastName);
}
