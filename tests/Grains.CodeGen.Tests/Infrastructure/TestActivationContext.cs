using Grains.Runtime;

namespace Grains.CodeGen.Tests.Infrastructure;

/// <summary>An activation context that hands out recorded in-memory states.</summary>
internal sealed class TestActivationContext : IGrainActivationContext
{
    public GrainId GrainId { get; } = GrainId.Create("test", "key-1");

    public List<(Type StateType, string StateName, string? StorageName)> Requested { get; } = [];

    public IPersistentState<TState> GetPersistentState<TState>(string stateName, string? storageName)
        where TState : new()
    {
        Requested.Add((typeof(TState), stateName, storageName));
        return new TestPersistentState<TState>();
    }
}
