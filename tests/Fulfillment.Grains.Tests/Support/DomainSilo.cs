using Fulfillment.Grains.Hosting;
using Grains.Hosting;
using Grains.Reminders;
using Grains.Storage;
using Grains.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfillment.Grains.Tests.Support;

/// <summary>Starts a test silo with the fulfillment grains, the domain services and, when given, stores shared with other silos.</summary>
public static class DomainSilo
{
    public static Task<TestSilo> StartAsync(
        SharedStores? shared = null,
        IReadOnlyDictionary<string, string?>? configuration = null,
        Action<ISiloBuilder>? silo = null,
        Action<IServiceCollection>? services = null,
        bool serializeCalls = false)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build();
        return TestSilo.StartAsync(
            builder =>
            {
                builder.AddFulfillmentGrains();
                builder.Configure(o => o.SerializeInSiloCalls = serializeCalls);
                silo?.Invoke(builder);
            },
            s =>
            {
                s.AddFulfillmentDomain(config);
                if (shared is not null)
                {
                    s.AddKeyedSingleton(GrainStorageNames.Default, shared.Storage);
                    s.AddSingleton<IReminderTable>(shared.Reminders);
                }

                services?.Invoke(s);
            },
            shared?.Time);
    }
}
