using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Grains.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>Registers the grain interfaces and classes of <paramref name="assembly"/> (built with <c>UsesGrains</c>).</summary>
    public static ISiloBuilder AddGrainAssembly(this ISiloBuilder builder, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        builder.Services.Configure<GrainAssemblyOptions>(o => o.Assemblies.Add(assembly));
        return builder;
    }

    /// <summary>Registers the grain assembly that declares <typeparamref name="T"/>.</summary>
    public static ISiloBuilder AddGrainAssemblyContaining<T>(this ISiloBuilder builder) => builder.AddGrainAssembly(typeof(T).Assembly);

    public static ISiloBuilder Configure(this ISiloBuilder builder, Action<GrainsOptions> configure)
    {
        builder.Services.Configure(configure);
        return builder;
    }

    public static ISiloBuilder ConfigureReminders(this ISiloBuilder builder, Action<ReminderOptions> configure)
    {
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds serialization metadata (a source-generated <c>JsonSerializerContext</c>) for grain arguments, results and state.</summary>
    public static ISiloBuilder AddJsonTypeInfoResolver(this ISiloBuilder builder, IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        builder.Services.Configure<GrainSerializerOptions>(o => o.TypeInfoResolvers.Add(resolver));
        return builder;
    }
}
