using System.ComponentModel;

namespace Grains.Runtime;

/// <summary>What a generated grain constructor call may ask of the activation it is building.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGrainActivationContext
{
    GrainId GrainId { get; }

    /// <summary>The state bound to a <see cref="PersistentStateAttribute"/> parameter; it is read before <see cref="Grain.OnActivateAsync"/>.</summary>
    IPersistentState<TState> GetPersistentState<TState>(string stateName, string? storageName)
        where TState : new();
}
