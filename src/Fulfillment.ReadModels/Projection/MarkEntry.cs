namespace Fulfillment.ReadModels.Projection;

/// <summary>What is known of one order's mark: whether the store holds it, and the newest versions published and projected.</summary>
internal sealed class MarkEntry
{
    /// <summary>The store holds the order's mark: a crash from now on leaves it to be re-published at start.</summary>
    public bool Durable { get; set; }

    /// <summary>
    /// The mark was found at start or taken over from another writer: the order may have a change nobody projected, of
    /// a version unknown here, so the mark is kept until the order is projected again from its grain.
    /// </summary>
    public bool AwaitingRecovery { get; set; }

    public long Published { get; set; }

    public long Projected { get; set; }

    public DateTimeOffset LastPublishedAt { get; set; }
}
