namespace Grains.Runtime.Cluster;

/// <summary>The stable wire and storage names of <see cref="SiloStatus"/>: renaming the enum never changes stored rows.</summary>
public static class SiloStatusNames
{
    public const string Joining = "joining";
    public const string Active = "active";
    public const string ShuttingDown = "shutting_down";
    public const string Dead = "dead";

    public static string ToName(SiloStatus status) => status switch
    {
        SiloStatus.Joining => Joining,
        SiloStatus.Active => Active,
        SiloStatus.ShuttingDown => ShuttingDown,
        SiloStatus.Dead => Dead,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a silo status."),
    };

    public static SiloStatus Parse(string name) => name switch
    {
        Joining => SiloStatus.Joining,
        Active => SiloStatus.Active,
        ShuttingDown => SiloStatus.ShuttingDown,
        Dead => SiloStatus.Dead,
        _ => throw new FormatException($"'{name}' is not a silo status name."),
    };
}
