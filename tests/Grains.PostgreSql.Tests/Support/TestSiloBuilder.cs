using Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.PostgreSql.Tests;

internal sealed class TestSiloBuilder(IServiceCollection services) : ISiloBuilder
{
    public IServiceCollection Services { get; } = services;
}
