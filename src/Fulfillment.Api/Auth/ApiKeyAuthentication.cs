using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Auth;

public static class ApiKeyAuthentication
{
    /// <summary>
    /// API-key authentication from the <c>Auth</c> section, one authorization policy per role (named as the role), and
    /// a fallback policy that requires a key wherever a route does not say otherwise: a public route opts out with
    /// <c>AllowAnonymous()</c>, so a route added later is never public by accident.
    /// </summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiKeyOptions>().Bind(configuration.GetSection(ApiKeyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddSingleton<ApiKeyStore>();
        // Core authentication only: API keys need no data protection (cookies, tokens), so no key ring is created.
        services.AddAuthenticationCore(o => o.DefaultScheme = ApiKeyDefaults.Scheme);
        services.AddWebEncoders();
        new AuthenticationBuilder(services)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, configureOptions: null);
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyDefaults.Scheme).RequireAuthenticatedUser().Build());
        foreach (var role in ApiKeyRoles.All)
        {
            authorization.AddPolicy(role, policy => policy.AddAuthenticationSchemes(ApiKeyDefaults.Scheme).RequireRole(role));
        }

        return services;
    }
}
