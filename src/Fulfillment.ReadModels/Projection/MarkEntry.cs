namespace Fulfillment.ReadModels.Projection;

/// <summary>What is known of one order's mark: whether the store holds it, and the newest versions published and projected.</summary>
internal sealed class MarkEntry
{
    /// <summary>The store holds the order's mark: a crash from now on leaves it to be re-published at start.</summary>
    public bool Durable { get; set; }

    public long Published { get; set; }

    public long Projected { get; set; }

    public DateTimeOffset LastPublishedAt { get; set; }
}
