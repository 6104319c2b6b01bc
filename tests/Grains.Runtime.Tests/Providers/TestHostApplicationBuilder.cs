using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grains.Runtime.Tests.Providers;

/// <summary>A host application builder with in-memory configuration and a service collection, and nothing else.</summary>
internal sealed class TestHostApplicationBuilder : IHostApplicationBuilder
{
    private readonly ConfigurationManager _configuration = new();

    public TestHostApplicationBuilder(IEnumerable<KeyValuePair<string, string?>> settings) => _configuration.AddInMemoryCollection(settings);

    public IConfigurationManager Configuration => _configuration;

    public IHostEnvironment Environment => throw new NotSupportedException();

    public ILoggingBuilder Logging => throw new NotSupportedException();

    public IMetricsBuilder Metrics => throw new NotSupportedException();

    public IDictionary<object, object> Properties { get; } = new Dictionary<object, object>();

    public IServiceCollection Services { get; } = new ServiceCollection();

    public void ConfigureContainer<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
        where TContainerBuilder : notnull => throw new NotSupportedException();
}
