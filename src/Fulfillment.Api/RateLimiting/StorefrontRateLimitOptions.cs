namespace Fulfillment.Api.RateLimiting;

/// <summary>
/// The <c>RateLimiting:Storefront</c> configuration section: a fixed window of <see cref="PermitLimit"/> requests per
/// <see cref="WindowSeconds"/> for each API key on the storefront routes (ATP and reservations) — or each client address
/// when no keys are configured. Requests over the limit get 429 with Retry-After.
/// </summary>
public sealed class StorefrontRateLimitOptions
{
    public const string SectionName = "RateLimiting:Storefront";

    /// <summary>False turns the limit off (every request passes). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests a key may make per window. Default 1000 (a storefront key serves many shoppers).</summary>
    public int PermitLimit { get; set; } = 1000;

    /// <summary>The window's length in seconds (1 to 3600). Default 1.</summary>
    public int WindowSeconds { get; set; } = 1;

    /// <summary>Requests over the limit that wait for the next window instead of being refused at once. Default 0.</summary>
    public int QueueLimit { get; set; }
}
