namespace Fulfillment.Api.Simulation;

/// <summary>
/// The <c>Simulator</c> configuration section: the demo feed that creates orders and drives them through the warehouses
/// and carriers, posting CloudEvents through the ingestion path. On in Development (appsettings.Development.json).
/// </summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    public bool Enabled { get; set; }

    /// <summary>New orders per real minute. Default 30.</summary>
    public int OrdersPerMinute { get; set; } = 30;

    /// <summary>The seed: the same seed, rate, scale and start time give the same events. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>
    /// Simulated minutes per real minute: stage durations are realistic in simulated time and divided by this.
    /// Default 60 (an hour of warehouse and carrier work passes in a minute). Scale the <c>Sla</c> thresholds alike.
    /// </summary>
    public double TimeScale { get; set; } = 60;

    /// <summary>Stop creating orders after this many (0: never stop). Default 0.</summary>
    public int MaxOrders { get; set; }
}
