using System.Collections.Concurrent;

namespace Fulfillment.Api.Tests.Support;

/// <summary>Which keys the probe subscriber refuses, so a test can make a delivery or a replay fail.</summary>
public sealed class ProbeBehavior
{
    private readonly ConcurrentDictionary<string, string> _failing = new(StringComparer.Ordinal);

    public void FailFor(string key, string message) => _failing[key] = message;

    public void Heal(string key) => _failing.TryRemove(key, out _);

    public string? FailureFor(string key) => _failing.TryGetValue(key, out var message) ? message : null;
}
