namespace Grains;

/// <summary>Overrides how long an idle activation of this grain class stays in memory before it is collected.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    public double Days { get; init; }
    public double Hours { get; init; }
    public double Minutes { get; init; }
    public double Seconds { get; init; }

    public TimeSpan Amount => TimeSpan.FromDays(Days) + TimeSpan.FromHours(Hours) + TimeSpan.FromMinutes(Minutes) + TimeSpan.FromSeconds(Seconds);
}
