using Grains.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grains.Hosting;

/// <summary>Registrations every storage and stream provider makes the same way.</summary>
public static class ProviderRegistrations
{
    /// <summary>Registers the named <typeparamref name="TOptions"/> of one provider, validated on start by <typeparamref name="TValidator"/>.</summary>
    public static void AddValidatedOptions<TOptions, TValidator>(IServiceCollection services, string name, Action<TOptions>? configure)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }

    /// <summary>
    /// Replaces the stream log, checkpoint store and dead-letter store registered before with the given ones, and
    /// registers the <see cref="StreamStorageOptions"/> the log reads (validated on start), adjusted by
    /// <paramref name="configureStreams"/>.
    /// </summary>
    public static void ReplaceStreamProviders(
        IServiceCollection services,
        Action<StreamStorageOptions>? configureStreams,
        Func<IServiceProvider, IStreamLog> log,
        Func<IServiceProvider, ICheckpointStore> checkpoints,
        Func<IServiceProvider, IDeadLetterStore> deadLetters)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddValidatedOptions<StreamStorageOptions, StreamStorageOptionsValidator>(services, Options.DefaultName, configureStreams);
        services.RemoveAll<IStreamLog>();
        services.RemoveAll<ICheckpointStore>();
        services.RemoveAll<IDeadLetterStore>();
        services.AddSingleton(log);
        services.AddSingleton(checkpoints);
        services.AddSingleton(deadLetters);
    }
}
