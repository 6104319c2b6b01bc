namespace Grains;

/// <summary>
/// A grain interface whose grains are identified by a string key. References to it are created by
/// <see cref="IGrainFactory.GetGrain{TGrainInterface}(string)"/>; the call proxies are generated at compile time.
/// </summary>
public interface IGrainWithStringKey : IGrain;
