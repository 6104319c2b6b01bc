namespace Grains;

/// <summary>Marker for grain interfaces. Derive from <see cref="IGrainWithStringKey"/> rather than this directly.</summary>
public interface IGrain : IAddressable;
