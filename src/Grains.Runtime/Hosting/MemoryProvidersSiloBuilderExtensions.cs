using Grains.Reminders;
using Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grains.Hosting;

public static class MemoryProvidersSiloBuilderExtensions
{
    /// <summary>Adds an in-memory grain storage provider under <paramref name="name"/>.</summary>
    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder builder, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (_, _) => new MemoryGrainStorage());
        return builder;
    }

    /// <summary>Adds an in-memory grain storage provider as the default provider.</summary>
    public static ISiloBuilder AddMemoryGrainStorageAsDefault(this ISiloBuilder builder) =>
        builder.AddMemoryGrainStorage(GrainStorageNames.Default);

    /// <summary>Keeps reminders in memory: they fire while the process lives and are lost with it.</summary>
    public static ISiloBuilder UseInMemoryReminderService(this ISiloBuilder builder)
    {
        builder.Services.RemoveAll<IReminderTable>();
        builder.Services.AddSingleton<IReminderTable, MemoryReminderTable>();
        return builder;
    }
}
