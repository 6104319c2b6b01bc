namespace Grains;

/// <summary>Creates references to grains. Usable from grains, hosted services and HTTP handlers alike.</summary>
public interface IGrainFactory
{
    /// <summary>Returns a reference to the grain with the given key. No call is made and nothing is activated until a method is invoked.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>Returns a reference of interface <typeparamref name="TGrainInterface"/> to an existing grain identity.</summary>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain;
}
