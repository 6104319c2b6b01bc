using System.Reflection;

namespace Grains.Runtime.Metadata;

/// <summary>What the runtime knows of one grain class: its type name, how to construct it, and how it schedules.</summary>
internal sealed class GrainClassInfo
{
    public GrainClassInfo(Type classType, GrainActivator activator)
    {
        ClassType = classType;
        Activator = activator;
        GrainType = GrainType.Create(classType.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultName(classType));
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), inherit: false);
        CollectionAge = classType.GetCustomAttribute<CollectionAgeLimitAttribute>()?.Amount;
        Interfaces = [.. classType.GetInterfaces().Where(i => typeof(IGrain).IsAssignableFrom(i) && i != typeof(IGrain) && i != typeof(IGrainWithStringKey))];
    }

    public Type ClassType { get; }

    public GrainActivator Activator { get; }

    public GrainType GrainType { get; }

    public bool IsReentrant { get; }

    /// <summary>From <see cref="CollectionAgeLimitAttribute"/>; options may override it.</summary>
    public TimeSpan? CollectionAge { get; }

    public IReadOnlyList<Type> Interfaces { get; }

    public bool IsRemindable => typeof(IRemindable).IsAssignableFrom(ClassType);

    /// <summary>"InventoryGrain" → "inventory".</summary>
    internal static string DefaultName(Type classType)
    {
        var name = classType.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }
}
