using System.Globalization;
using System.Threading.RateLimiting;
using Fulfillment.Api.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Fulfillment.Api.RateLimiting;

/// <summary>
/// The storefront rate limit (ASP.NET Core's rate limiter): one fixed-window limiter per API key name — or per client
/// address in the open development mode, where every caller holds the same principal. The middleware runs after
/// authorization, so requests refused with 401 or 403 spend no permits. Over the limit: 429 problem with Retry-After.
/// </summary>
public static partial class StorefrontRateLimiting
{
    /// <summary>The policy storefront route groups name in <c>RequireRateLimiting</c>.</summary>
    public const string PolicyName = "storefront";

    private const string Unlimited = "unlimited";

    public static IServiceCollection AddStorefrontRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorefrontRateLimitOptions>().Bind(configuration.GetSection(StorefrontRateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorefrontRateLimitOptions>, StorefrontRateLimitOptionsValidator>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(PolicyName, Partition);
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var settings = context.RequestServices.GetRequiredService<IOptions<StorefrontRateLimitOptions>>().Value;
        if (!settings.Enabled)
        {
            return RateLimitPartition.GetNoLimiter(Unlimited);
        }

        return RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.PermitLimit,
            Window = TimeSpan.FromSeconds(settings.WindowSeconds),
            QueueLimit = settings.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary><c>key:{name}</c> for a configured API key, <c>address:{ip}</c> when every route is open.</summary>
    private static string PartitionKey(HttpContext context)
    {
        var open = context.RequestServices.GetRequiredService<IOptions<ApiKeyOptions>>().Value.IsOpen;
        return !open && context.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? $"key:{name}"
            : $"address:{context.Connection.RemoteIpAddress}";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var settings = context.RequestServices.GetRequiredService<IOptions<StorefrontRateLimitOptions>>().Value;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : settings.WindowSeconds;
        retryAfter = Math.Max(1, retryAfter);
        var partition = PartitionKey(context);
        LogRejected(
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorefrontRateLimiting).FullName!),
            context.Request.Method,
            context.Request.Path,
            partition,
            retryAfter);

        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"The storefront limit of {settings.PermitLimit} requests per {settings.WindowSeconds} s " +
                    $"for this {(partition.StartsWith("key:", StringComparison.Ordinal) ? "API key" : "client address")} is spent; retry after {retryAfter} s.",
            },
        });
    }

    [LoggerMessage(2701, LogLevel.Information, "{Method} {Path} refused with 429 for {Partition}; retry after {RetryAfterSeconds} s")]
    private static partial void LogRejected(ILogger logger, string method, PathString path, string partition, int retryAfterSeconds);
}
