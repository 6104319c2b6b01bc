namespace Fulfillment.Api.Health;

/// <summary>A health report: overall status and each check's.</summary>
public sealed record HealthResponse(string Status, double DurationMilliseconds, IReadOnlyList<HealthCheckEntry> Checks);
