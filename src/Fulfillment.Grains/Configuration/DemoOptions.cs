namespace Fulfillment.Grains.Configuration;

/// <summary>The <c>Demo</c> configuration section.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Seeds the demo catalogue (SKU-0001..SKU-0300) once per data directory at start. Default false.</summary>
    public bool SeedCatalog { get; set; }
}
