using Grains.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Hosting;

public static class MemoryStreamsSiloBuilderExtensions
{
    /// <summary>
    /// Keeps the stream log, checkpoints and dead letters in memory, replacing any registered before: events flow
    /// while the process lives and are lost with it. The log has <see cref="GrainsOptions.Partitions"/> partitions.
    /// </summary>
    public static ISiloBuilder UseInMemoryStreams(this ISiloBuilder builder, Action<StreamStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ProviderRegistrations.ReplaceStreamProviders(
            builder.Services,
            configure,
            static sp => new MemoryStreamLog(
                sp.GetRequiredService<IOptions<GrainsOptions>>().Value.Partitions,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<IOptions<StreamStorageOptions>>().Value,
                sp.GetService<ILogger<MemoryStreamLog>>()),
            static sp => new MemoryCheckpointStore(sp.GetService<TimeProvider>() ?? TimeProvider.System),
            static _ => new MemoryDeadLetterStore());
        return builder;
    }
}
