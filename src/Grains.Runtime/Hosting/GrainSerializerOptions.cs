using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Grains.Hosting;

/// <summary>
/// How grain arguments, results and state are serialized. Add source-generated <c>JsonSerializerContext</c>s with
/// <see cref="SiloBuilderExtensions.AddJsonTypeInfoResolver"/>; types they do not cover fall back to reflection metadata,
/// built once per type.
/// </summary>
public sealed class GrainSerializerOptions
{
    public IList<IJsonTypeInfoResolver> TypeInfoResolvers { get; } = [];

    internal JsonSerializerOptions Build()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. TypeInfoResolvers, new DefaultJsonTypeInfoResolver()]),
        };
        options.MakeReadOnly();
        return options;
    }
}
