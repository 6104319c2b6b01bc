using Grains.Runtime.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace Grains;

/// <summary>
/// Base class of grains. A grain's methods run one request at a time (unless it is <see cref="ReentrantAttribute"/>),
/// its awaits resume inside its own turn, and it lives in memory while it is used: it is activated on the first call
/// and collected when idle.
/// </summary>
public abstract partial class Grain : IAddressable
{
    private readonly ActivationData? _activation;

    /// <summary>Binds the grain to the activation that is constructing it.</summary>
    protected Grain()
    {
        _activation = ActivationData.Constructing;
    }

    public GrainId GrainId => Activation.GrainId;

    /// <summary>The grain's string key.</summary>
    public string GetPrimaryKeyString() => GrainId.Key;

    protected IGrainFactory GrainFactory => Activation.Runtime.GrainFactory;

    protected IServiceProvider ServiceProvider => Activation.Runtime.Services;

    internal ActivationData Activation =>
        _activation ?? throw new InvalidOperationException("This grain was not created by the grain runtime; it has no activation.");

    /// <summary>Runs after persistent state has been read and before the first request.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after the last request and before the activation is removed; a good place to flush state.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation as soon as the current request completes.</summary>
    protected void DeactivateOnIdle() => Activation.DeactivateOnIdle();

    /// <summary>Resolves a service from the silo's container.</summary>
    protected T GetRequiredService<T>()
        where T : notnull => ServiceProvider.GetRequiredService<T>();
}
