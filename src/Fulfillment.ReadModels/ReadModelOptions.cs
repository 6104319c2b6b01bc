namespace Fulfillment.ReadModels;

/// <summary>The <c>ReadModel</c> configuration section: how order changes are projected and the alert feed kept alive.</summary>
public sealed class ReadModelOptions
{
    public const string SectionName = "ReadModel";

    /// <summary>Changes waiting for the projector; a full queue makes publishers (order grains) wait. Default 8192.</summary>
    public int QueueCapacity { get; set; } = 8192;

    /// <summary>Most changes written in one transaction. Default 512.</summary>
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>How long an order stays marked after its last change was projected. Default 10 s.</summary>
    public TimeSpan MarkRetention { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often idle orders' marks are looked for. Default 1 s.</summary>
    public TimeSpan MarkSweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First wait before a failed write is retried (doubling up to 5 s). Default 100 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often an idle alert stream sends a comment line, so proxies and clients see it is alive. Default 15 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Orders read from their grains at once when marked orders are projected again at start. Default 16.</summary>
    public int RecoveryParallelism { get; set; } = 16;

    /// <summary>
    /// How often, after the start-up recovery, the marks of writers that stopped or died on a shared store (PostgreSQL)
    /// are taken over and their orders projected again, and recoveries that failed are tried again. Default 10 s.
    /// </summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(10);
}
