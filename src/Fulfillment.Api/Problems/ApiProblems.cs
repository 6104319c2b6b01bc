using Fulfillment.Api.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulfillment.Api.Problems;

/// <summary>The problem documents the gateway's handlers answer with, so each kind reads the same on every route.</summary>
internal static class ApiProblems
{
    public const string InvalidRequestTitle = "Invalid request";

    /// <summary>400 with <c>errors</c> naming every bad field: the request was refused whole.</summary>
    public static ProblemHttpResult Invalid(FieldErrors errors)
    {
        var fields = errors.ToDictionary();
        return TypedResults.Problem(new HttpValidationProblemDetails(fields)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = InvalidRequestTitle,
            Detail = fields.Count == 1
                ? "1 field is invalid; nothing was changed."
                : $"{fields.Count} fields are invalid; nothing was changed.",
        });
    }

    /// <summary>A problem other than 400 that still names the field at fault in <c>errors</c> (an unknown warehouse: 404).</summary>
    public static ProblemHttpResult Field(int status, string title, string field, string message, string detail) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status,
            Title = title,
            Detail = detail,
        });

    public static ProblemHttpResult Status(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
}
