using Grains.Reminders;
using Grains.Storage;
using Grains.Testing;

namespace Fulfillment.Grains.Tests.Support;

/// <summary>What outlives a silo: grain state, reminders and the clock. A silo started on them after a kill sees only what was acknowledged.</summary>
public sealed record SharedStores(IGrainStorage Storage, MemoryReminderTable Reminders, ManualTimeProvider Time)
{
    public static SharedStores Create() => new(new MemoryGrainStorage(), new MemoryReminderTable(), new ManualTimeProvider());
}
