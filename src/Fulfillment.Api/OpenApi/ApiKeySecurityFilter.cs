using Fulfillment.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Fulfillment.Api.OpenApi;

/// <summary>
/// Marks every operation that is not public with the API-key requirement, names the roles it takes, and documents
/// its 401 and 403 problem answers. Public operations (<c>AllowAnonymous</c>) are left open.
/// </summary>
internal sealed class ApiKeySecurityFilter : IOperationFilter
{
    public const string SchemeName = ApiKeyDefaults.Scheme;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        var roles = ApiKeyRoles.RequiredBy(metadata.OfType<IAuthorizeData>());
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
        operation.Description = $"{operation.Description}\n\nNeeds an API key (X-Api-Key) with the role {(roles.Length == 0 ? "any" : string.Join(" or ", roles))}.".Trim();
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", ProblemResponses.Create("No API key, or one that is not configured.", ApiExamples.Unauthorized));
        operation.Responses.TryAdd("403", ProblemResponses.Create("The API key lacks the role this route needs.", ApiExamples.Forbidden));
    }
}
