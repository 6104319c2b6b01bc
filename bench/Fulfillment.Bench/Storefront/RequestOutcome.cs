using System.Net;

namespace Fulfillment.Bench.Storefront;

/// <summary>One request's answer: its status, or null when none came; the body or exception when it was not a 2xx.</summary>
internal readonly record struct RequestOutcome(HttpStatusCode? Status, string? Failure)
{
    public override string ToString() => Status is { } status ? $"HTTP {(int)status}: {Failure}" : $"no answer: {Failure}";
}
