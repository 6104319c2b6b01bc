namespace Grains;

/// <summary>The tick a reminder delivers: when it was first due, its period (zero for a one-shot reminder) and this tick's due time.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
