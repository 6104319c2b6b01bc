namespace Grains.Runtime.Tests.Grains;

/// <summary>An immutable record argument, to prove records cross the call path intact.</summary>
public sealed record CounterDescription(string Label, IReadOnlyList<int> Values, DateTimeOffset At);
