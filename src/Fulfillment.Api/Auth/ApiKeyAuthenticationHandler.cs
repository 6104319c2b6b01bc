using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Auth;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against the configured keys; the principal carries the key's roles.
/// Challenges (no or unknown key: 401) and forbids (key without the route's role: 403) answer with problem documents.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string UnknownKey = "The X-Api-Key header does not hold a configured API key.";
    private const string SeveralKeys = "Send exactly one X-Api-Key header.";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (keys.IsOpen)
        {
            return Task.FromResult(Success(keys.OpenPrincipal));
        }

        var values = Request.Headers[ApiKeyDefaults.HeaderName];
        if (values.Count == 0 || (values.Count == 1 && string.IsNullOrEmpty(values[0])))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (values.Count > 1)
        {
            return Task.FromResult(AuthenticateResult.Fail(SeveralKeys));
        }

        if (keys.Find(values[0]!) is { } principal)
        {
            return Task.FromResult(Success(principal));
        }

        LogUnknownKey(Logger, Request.Method, Request.Path, Context.Connection.RemoteIpAddress?.ToString());
        return Task.FromResult(AuthenticateResult.Fail(UnknownKey));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.HeaderName}\"";
        await WriteProblemAsync(
            StatusCodes.Status401Unauthorized,
            "API key required",
            result.Failure?.Message ?? $"This route needs an API key in the {ApiKeyDefaults.HeaderName} header.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var required = ApiKeyRoles.RequiredBy(Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? []);
        var held = Context.User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();
        await WriteProblemAsync(
            StatusCodes.Status403Forbidden,
            "Role required",
            $"This route needs the role {string.Join(" or ", required)}; the API key has {(held.Length == 0 ? "no role" : string.Join(", ", held))}.");
    }

    private AuthenticateResult Success(ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(2101, LogLevel.Warning, "Rejected an unknown API key on {Method} {Path} from {RemoteAddress}")]
    private static partial void LogUnknownKey(ILogger logger, string method, PathString path, string? remoteAddress);
}
