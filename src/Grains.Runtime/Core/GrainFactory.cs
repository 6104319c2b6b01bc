using Grains.Runtime.Metadata;

namespace Grains.Runtime;

internal sealed class GrainFactory(GrainRuntime runtime, GrainTypeRegistry registry) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        var grainInterface = registry.GetInterface(typeof(TGrainInterface));
        var grainClass = registry.GetImplementation(grainInterface);
        return (TGrainInterface)(object)grainInterface.ProxyFactory(runtime, GrainId.Create(grainClass.GrainType, primaryKey), null);
    }

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain
    {
        ArgumentNullException.ThrowIfNull(grainId);
        var grainInterface = registry.GetInterface(typeof(TGrainInterface));
        return (TGrainInterface)(object)grainInterface.ProxyFactory(runtime, grainId, null);
    }
}
