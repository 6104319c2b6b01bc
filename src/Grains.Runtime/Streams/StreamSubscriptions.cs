using System.Reflection;
using Grains.Runtime.Metadata;

namespace Grains.Streams;

/// <summary>Which grain types subscribe to which stream namespaces, from <see cref="ImplicitStreamSubscriptionAttribute"/>s.</summary>
internal sealed class StreamSubscriptions
{
    private static readonly IReadOnlyList<GrainType> None = [];
    private readonly Dictionary<string, IReadOnlyList<GrainType>> _byNamespace;

    public StreamSubscriptions(IEnumerable<GrainClassInfo> grainClasses)
    {
        var byNamespace = new Dictionary<string, List<GrainType>>(StringComparer.Ordinal);
        foreach (var grainClass in grainClasses)
        {
            foreach (var subscription in grainClass.ClassType.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>())
            {
                if (!typeof(IStreamSubscriber).IsAssignableFrom(grainClass.ClassType))
                {
                    throw new InvalidOperationException(
                        $"Grain class {grainClass.ClassType.Name} subscribes to stream namespace '{subscription.Namespace}' but does not implement IStreamSubscriber.");
                }

                if (!byNamespace.TryGetValue(subscription.Namespace, out var types))
                {
                    byNamespace[subscription.Namespace] = types = [];
                }

                types.Add(grainClass.GrainType);
            }
        }

        _byNamespace = byNamespace.ToDictionary(p => p.Key, p => (IReadOnlyList<GrainType>)[.. p.Value.OrderBy(t => t.Name, StringComparer.Ordinal)], StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Namespaces => _byNamespace.Keys;

    public IReadOnlyList<GrainType> For(string streamNamespace) =>
        _byNamespace.TryGetValue(streamNamespace, out var types) ? types : None;
}
