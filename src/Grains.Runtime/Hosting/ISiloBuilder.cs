using Microsoft.Extensions.DependencyInjection;

namespace Grains.Hosting;

/// <summary>Configures a silo: its grain assemblies, storage providers, reminder service and options.</summary>
public interface ISiloBuilder
{
    IServiceCollection Services { get; }
}
