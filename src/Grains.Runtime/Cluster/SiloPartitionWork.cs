using Grains.Reminders;
using Grains.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Cluster;

/// <summary>
/// The silo's work per partition, started and stopped as the lease manager gains and loses partitions: the stream
/// agent, the reminders and the activations. The order of a handoff follows the silo's shutdown: agents drain and
/// checkpoint while grains still take calls, reminders stop, and only then do activations deactivate and persist.
/// </summary>
/// <remarks>The runtime is resolved on first use: it depends on the ownership that depends on this listener.</remarks>
internal sealed class SiloPartitionWork(IServiceProvider services) : IPartitionOwnershipListener
{
    private GrainRuntime Runtime => services.GetRequiredService<GrainRuntime>();

    private ReminderService? Reminders => services.GetService<ReminderService>();

    private StreamAgentManager? Streams => services.GetService<StreamAgentManager>();

    public async Task OnPartitionsGainedAsync(IReadOnlyList<int> partitions, CancellationToken cancellationToken)
    {
        if (Streams is { } streams)
        {
            await streams.StartAgentsAsync(partitions, cancellationToken).ConfigureAwait(false);
        }

        if (Reminders is { } reminders)
        {
            await reminders.AddPartitionsAsync(partitions, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task OnPartitionsHandingOffAsync(IReadOnlyList<int> partitions, CancellationToken cancellationToken)
    {
        if (Streams is { } streams)
        {
            await streams.StopAgentsAsync(partitions).ConfigureAwait(false);
        }

        if (Reminders is { } reminders)
        {
            await reminders.RemovePartitionsAsync(partitions, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task OnPartitionsLostAsync(IReadOnlyList<int> partitions, CancellationToken cancellationToken)
    {
        // After a handoff these find nothing left; after a lapse they stop at once what still runs.
        Streams?.KillAgents(partitions);
        if (Reminders is { } reminders)
        {
            await reminders.RemovePartitionsAsync(partitions, cancellationToken).ConfigureAwait(false);
        }

        await Runtime.Catalog.DeactivateStaleAsync(partitions, DeactivationReason.PartitionHandoff, cancellationToken).ConfigureAwait(false);
    }
}
