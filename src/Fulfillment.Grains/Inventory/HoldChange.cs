namespace Fulfillment.Grains.Inventory;

/// <summary>What asking for a hold did to the position.</summary>
internal enum HoldChange
{
    /// <summary>A new hold was taken.</summary>
    Taken,

    /// <summary>The reservation's hold already existed and was re-sized or given a later expiry.</summary>
    Amended,

    /// <summary>The reservation's hold already existed exactly so: nothing changed.</summary>
    Unchanged,

    /// <summary>Not enough stock is available; nothing changed.</summary>
    Refused,
}
